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

/**
 * The account as the private streams report it: the events of the most recent orders and the latest balance of each
 * currency. Logs fills and balance changes.
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

    /** Takes a {@code myOrder} event. */
    public synchronized void onOrder(MyOrderEvent event) {
        orders.computeIfAbsent(event.uuid(), uuid -> new ArrayList<>()).add(event);
        if (event.state() == OrderState.TRADE) {
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

    /** The events of an order, in arrival order; empty when none came (or the order is no longer kept). */
    public synchronized List<MyOrderEvent> events(String uuid) {
        return List.copyOf(orders.getOrDefault(uuid, List.of()));
    }

    /** The latest reported balance of a currency. */
    public synchronized Optional<Asset> balance(String currency) {
        return Optional.ofNullable(balances.get(currency));
    }
}
