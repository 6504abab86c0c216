package io.camelupbit.test;

import io.netty.util.AttributeKey;

/** What the handshake stage leaves on a channel for its {@link SimSession}. */
final class ChannelAttributes {

    /** The accepted handshake, recorded by {@link HandshakeGate} when it let the request through. */
    static final AttributeKey<HandshakeRecord> HANDSHAKE = AttributeKey.valueOf(ChannelAttributes.class, "handshake");
    /** Set by {@link HandshakeResponseObserver}: whether the 101 response agreed on permessage-deflate. */
    static final AttributeKey<Boolean> COMPRESSION = AttributeKey.valueOf(ChannelAttributes.class, "compression");

    private ChannelAttributes() {
    }
}
