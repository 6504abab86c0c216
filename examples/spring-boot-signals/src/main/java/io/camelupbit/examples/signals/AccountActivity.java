package io.camelupbit.examples.signals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelupbit.event.Asset;
import io.camelupbit.event.MyAssetEvent;
import io.camelupbit.event.MyOrderEvent;
import io.camelupbit.event.OrderState;
import io.camelupbit.trading.Balance;

/**
 * The account as the app knows it: the starting balances read with {@code upbit:accounts}, then what the private
 * streams report — the events of the most recent orders (reconciled states after a gap among them) and the latest
 * balance of each currency. Logs fills and balance changes.
 */
public class AccountActivity {

    private static final Logger LOG = LoggerFactory.getLogger(AccountActivity.class);
    private static final int ORDERS_KEPT = 500;

    // insertion order, oldest dropped first, so a long run keeps only recent orders
    private final Map<String, List<MyOrderEvent>> orders = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<MyOrderEvent>> eldest) {
            return size() > ORDERS_KEPT;
        }
    };
    private final Map<String, Asset> balances = new TreeMap<>();
    private List<Balance> startingBalances = List.of();

    /** Takes the balances {@code upbit:accounts} read at start. */
    public synchronized void onStartingBalances(List<Balance> read) {
        startingBalances = List.copyOf(read);
        for (Balance balance : read) {
            LOG.info("Starting balance {}: {} available, {} locked", balance.currency(),
                    balance.balance().toPlainString(), balance.locked().toPlainString());
        }
    }

    /**
     * Takes a {@code myOrder} event.
     *
     * @param reconciled header CamelUpbitReconciled: true on the order's state read over REST after a gap, else
     *                   {@code null}
     */
    public synchronized void onOrder(MyOrderEvent event, Boolean reconciled) {
        orders.computeIfAbsent(event.uuid(), uuid -> new ArrayList<>()).add(event);
        if (Boolean.TRUE.equals(reconciled)) {
            LOG.info("Order {} is {} ({} of {} {} filled; reconciled after a gap)",
                    event.identifier() != null ? event.identifier() : event.uuid(), event.state(),
                    event.executedVolume(), event.volume(), event.code());
        } else if (event.state() == OrderState.TRADE) {
            LOG.info("Filled {} {} {} at {} (order {}, fee {})", event.askBid(), event.volume(), event.code(),
                    event.price(), event.identifier() != null ? event.identifier() : event.uuid(), event.tradeFee());
        } else {
            LOG.info("Order {} {}: {} {} {} at {}", event.identifier() != null ? event.identifier() : event.uuid(),
                    event.state(), event.askBid(), event.volume(), event.code(), event.price());
        }
    }

    /** Takes a {@code myAsset} event. */
    public synchronized void onAsset(MyAssetEvent event) {
        for (Asset asset : event.assets()) {
            balances.put(asset.currency(), asset);
            LOG.info("Balance {}: {} available, {} locked", asset.currency(), asset.balance().toPlainString(),
                    asset.locked().toPlainString());
        }
    }

    /**
     * The app's own orders (identified as signals) whose latest state is open, as the streams reported them: those the
     * next signal cancels.
     */
    public synchronized List<String> openSignalOrders() {
        List<String> open = new ArrayList<>();
        orders.forEach((uuid, events) -> {
            MyOrderEvent last = events.get(events.size() - 1);
            boolean ended = last.state() == OrderState.DONE || last.state() == OrderState.CANCEL
                    || last.state() == OrderState.PREVENTED;
            if (!ended && last.identifier() != null && last.identifier().startsWith(Signal.ID_PREFIX)) {
                open.add(uuid);
            }
        });
        return open;
    }

    /** The balances read at start. */
    public synchronized List<Balance> startingBalances() {
        return startingBalances;
    }

    /** The events of an order, in arrival order; empty when none came (or the order is no longer kept). */
    public synchronized List<MyOrderEvent> events(String uuid) {
        return List.copyOf(orders.getOrDefault(uuid, List.of()));
    }

    /** The latest reported balance of a currency. */
    public synchronized Optional<Asset> balance(String currency) {
        return Optional.ofNullable(balances.get(currency));
    }
}
