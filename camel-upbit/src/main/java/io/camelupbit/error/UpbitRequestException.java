package io.camelupbit.error;

/**
 * A REST operation's input was refused before anything was sent: no market, no order to cancel, an amount that is no
 * number, an order Upbit would refuse (a limit order without a price, ...). Nothing reached Upbit, so sending a
 * corrected message is safe.
 */
public class UpbitRequestException extends UpbitException {

    public UpbitRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
