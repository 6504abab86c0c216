package io.camelupbit.test;

import io.netty.handler.ssl.SslContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The immutable configuration of one simulator, collected by {@link UpbitSimulator.Builder}. */
record SimulatorSettings(
        int port,
        long seed,
        double speed,
        Duration tickInterval,
        Map<String, BigDecimal> markets,
        SslContext tls,
        boolean compression,
        Duration idleTimeout,
        int connectLimitPerSecond,
        int messagesPerSecond,
        int messagesPerMinute,
        OverLimitBehavior overLimit,
        boolean statusFramesAsText,
        boolean dataFramesAsText,
        boolean closeAfterError,
        FormatReset formatReset,
        EmptySubscription emptySubscription,
        boolean acceptCamelCaseFlags,
        boolean originLimit,
        boolean pingCountsTowardLimit,
        Clock wallClock,
        boolean customClock,
        Instant simulatedStart,
        int maxMessageSize,
        Map<String, String> apiKeys,
        AuthFailure authFailure,
        OrderbookLevels orderbookLevels,
        PublicTypesOnPrivate publicTypesOnPrivate,
        int sentLogCapacity,
        int tradeHistory,
        int maxTradesPerTick,
        Map<String, MarketStatus> marketStatuses,
        Set<String> announcementCategories,
        Map<RestGroup, Integer> restLimits,
        boolean fillRestingOrders) {

    /** Upbit's public path. */
    static final String PUBLIC_PATH = "/websocket/v1";
    /** Upbit's private path. */
    static final String PRIVATE_PATH = PUBLIC_PATH + "/private";
    /** Upbit's path of the technical indicators. */
    static final String INFO_PATH = PUBLIC_PATH + "/info";
}
