package io.camelupbit.test;

import java.util.List;

/** An order of a {@link SimAccount} with its fills, taken at one instant. */
record OrderView(SimOrder order, List<OrderFill> fills) {

    OrderView {
        fills = List.copyOf(fills);
    }
}
