package io.camelupbit.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Promise;

/**
 * Resolves host names with a blocking lookup (the JVM's {@code InetAddress}, so {@code /etc/hosts} and the platform's
 * DNS settings apply) on threads of its own. Netty's {@code DefaultNameResolver} runs the same lookup on the thread
 * that asks, which for a connect is the event loop: one slow lookup would stop every connection of that loop.
 */
public final class OffLoopResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    /** A blocking name lookup. */
    @FunctionalInterface
    public interface HostLookup {

        /** Every address of the host; blocks as long as it takes. */
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    private final EventExecutorGroup lookups;
    private final HostLookup lookup;

    /**
     * @param threads lookups that may block at the same time
     * @param lookup  the blocking lookup, {@code InetAddress::getAllByName} outside tests
     */
    public OffLoopResolverGroup(int threads, HostLookup lookup) {
        this.lookups = new DefaultEventExecutorGroup(threads, new DefaultThreadFactory("upbit-dns", true));
        this.lookup = lookup;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor loop) {
        return new OffLoopNameResolver(lookups.next(), lookup).asAddressResolver();
    }

    /** Closes the resolvers and lets the lookup threads go (a lookup still blocked ends with its thread). */
    @Override
    public void close() {
        super.close();
        lookups.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    /** Hands every lookup to its executor; the promise completes there. */
    private static final class OffLoopNameResolver extends InetNameResolver {

        private final HostLookup lookup;

        OffLoopNameResolver(EventExecutor executor, HostLookup lookup) {
            super(executor);
            this.lookup = lookup;
        }

        @Override
        protected void doResolve(String host, Promise<InetAddress> promise) {
            executor().execute(() -> {
                try {
                    promise.trySuccess(lookup.lookup(host)[0]);
                } catch (Exception e) {
                    promise.tryFailure(e);
                }
            });
        }

        @Override
        protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
            executor().execute(() -> {
                try {
                    promise.trySuccess(Arrays.asList(lookup.lookup(host)));
                } catch (Exception e) {
                    promise.tryFailure(e);
                }
            });
        }
    }
}
