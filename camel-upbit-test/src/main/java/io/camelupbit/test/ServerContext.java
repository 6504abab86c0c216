package io.camelupbit.test;

import java.util.function.LongSupplier;

/** What every channel of one simulator shares. */
record ServerContext(SimulatorSettings settings, Recorder recorder, ConnectionRegistry connections, Market market,
                     HandshakeLimits handshakeLimits, LongSupplier nanoClock, HandshakeAuthenticator authenticator,
                     HandshakeRefusals refusals, HandshakeHold hold, SentLog sentLog, IndicatorEngine indicators,
                     RestService rest, SharedStreams streams) {
}
