package io.camelupbit.wire;

/**
 * An error frame from Upbit, handed to the routes it concerns. Branch on {@link #errorName()} (stable, e.g.
 * {@code INVALID_PARAM}), never on the message, which Upbit localizes.
 */
public class UpbitErrorException extends RuntimeException {

    private final String errorName;

    public UpbitErrorException(UpbitError error) {
        super("Upbit error " + error.name() + (error.message() != null ? ": " + error.message() : ""));
        this.errorName = error.name();
    }

    /** Upbit's error name, e.g. {@code INVALID_PARAM}, {@code WRONG_FORMAT}, {@code INVALID_AUTH}. */
    public String errorName() {
        return errorName;
    }
}
