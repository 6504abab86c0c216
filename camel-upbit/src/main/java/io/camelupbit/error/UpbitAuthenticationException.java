package io.camelupbit.error;

/**
 * Upbit refused the credentials of a private connection: the handshake got HTTP 401, or an {@code INVALID_AUTH} error
 * frame came. Check the access key, the secret key, the key's permissions and its IP allow-list. The message never
 * contains a key or a token.
 */
public class UpbitAuthenticationException extends UpbitException {

    public UpbitAuthenticationException(String message) {
        super(message);
    }
}
