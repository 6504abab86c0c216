package io.camelupbit.test;

import io.netty.util.AttributeKey;

/** What the handshake stage leaves on a channel for its {@link SimSession}. */
final class ChannelAttributes {

    /** The accepted handshake, recorded by {@link HandshakeGate} when it let the request through. */
    static final AttributeKey<HandshakeRecord> HANDSHAKE = AttributeKey.valueOf(ChannelAttributes.class, "handshake");
    /** Set by {@link HandshakeResponseObserver}: whether the 101 response agreed on permessage-deflate. */
    static final AttributeKey<Boolean> COMPRESSION = AttributeKey.valueOf(ChannelAttributes.class, "compression");

    /** Set by {@link HandshakeGate} on a private or info connection whose token was valid: its access key. */
    static final AttributeKey<String> ACCESS_KEY = AttributeKey.valueOf(ChannelAttributes.class, "accessKey");
    /**
     * Set by {@link HandshakeGate} when a private handshake failed authentication but was let through
     * ({@link AuthFailure#ERROR_FRAME_INVALID_AUTH}): why it failed.
     */
    static final AttributeKey<String> AUTH_REJECTION = AttributeKey.valueOf(ChannelAttributes.class, "authRejection");

    private ChannelAttributes() {
    }
}
