package io.camelupbit.auth;

/**
 * An Upbit API key pair held in a bean, so that an endpoint can name it ({@code credentials=#upbitKeysB}) instead of
 * writing a secret into its URI, which Camel itself logs at TRACE. Neither key appears in {@link #toString()}.
 * <p>
 * A JavaBean (no-argument constructor and setters) so that Spring, Camel Main properties and the YAML DSL's
 * {@code beans} can build it as easily as Java code.
 */
public final class UpbitCredentials {

    private String accessKey;
    private String secretKey;

    public UpbitCredentials() {
    }

    public UpbitCredentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /** The Upbit API access key. */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /** The Upbit API secret key. */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    /** Whether both keys are set and not blank. */
    public boolean isComplete() {
        return accessKey != null && !accessKey.isBlank() && secretKey != null && !secretKey.isBlank();
    }

    /** Names the class only: the access key identifies an account, the secret key is a secret. */
    @Override
    public String toString() {
        return "UpbitCredentials[***]";
    }
}
