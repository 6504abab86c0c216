package io.camelupbit.test;

/** A message field with its DEFAULT and SIMPLE key (upbit-protocol.md §4). */
interface Key {

    String full();

    String simple();

    default String name(boolean simpleKeys) {
        return simpleKeys ? simple() : full();
    }
}
