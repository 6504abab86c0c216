package io.camelupbit.error;

/**
 * An error frame from Upbit, handed to the routes it concerns. Branch on {@link #errorName()} (stable, e.g.
 * {@code INVALID_PARAM}), never on the message, which Upbit localizes.
 */
public class UpbitErrorException extends UpbitException {

    private final String errorName;

    /**
     * @param errorName Upbit's error name
     * @param message   Upbit's message, {@code null} when the frame had none
     */
    public UpbitErrorException(String errorName, String message) {
        super("Upbit error " + errorName + (message != null ? ": " + message : ""));
        this.errorName = errorName;
    }

    /** Upbit's error name, e.g. {@code INVALID_PARAM}, {@code WRONG_FORMAT}, {@code INVALID_AUTH}. */
    public String errorName() {
        return errorName;
    }
}
