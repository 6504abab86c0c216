package io.camelupbit.examples.signals;

import java.math.BigDecimal;

import io.camelupbit.test.SimAccount;
import io.camelupbit.test.Side;

/**
 * The simulator's exchange as the order gateway: each signal becomes a limit order at the signal candle's close in
 * the demo account, filled at once. The account then reports both through {@code upbit:myOrder} and
 * {@code upbit:myAsset}, so the app sees its own orders come back like on Upbit.
 */
public class SimulatorOrderGateway implements OrderGateway {

    private final SimAccount account;
    private final BigDecimal volume;

    /**
     * @param account the demo account
     * @param volume  the quantity of every order
     */
    public SimulatorOrderGateway(SimAccount account, BigDecimal volume) {
        this.account = account;
        this.volume = volume;
    }

    @Override
    public void submit(Signal signal) {
        Side side = signal.side() == Signal.Side.BUY ? Side.BID : Side.ASK;
        // throws when the balance does not cover the order: a failure for the circuit breaker
        String uuid = account.placeLimitOrder(signal.code(), side, signal.close(), volume, signal.id());
        account.fill(uuid, volume);
    }
}
