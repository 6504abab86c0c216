package io.camelupbit.test;

/** A request the simulator refuses, with the Upbit error name it answers with. */
final class RequestException extends Exception {

    private final String errorName;

    RequestException(String errorName, String message) {
        super(message, null, false, false);
        this.errorName = errorName;
    }

    String errorName() {
        return errorName;
    }
}
