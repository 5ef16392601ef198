package dev.shomei.protocol.line.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Event loop groups for the line, and their graceful shutdown. */
public final class EventLoops {
    /** Wait this long for quiet before shutting down: lets in-flight writes (a refusal) leave. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(100);

    private EventLoops() {
    }

    /** A NIO group of daemon threads named {@code name-N-M}; 0 threads = Netty's default (2 x cores). */
    public static EventLoopGroup newGroup(String name, int threads) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
    }

    /**
     * Shuts {@code group} down gracefully and waits for it, at most {@code timeout}. Returns
     * whether it terminated in time.
     */
    public static boolean shutdownGracefully(EventLoopGroup group, Duration timeout) {
        Duration quiet = QUIET_PERIOD.compareTo(timeout) < 0 ? QUIET_PERIOD : Duration.ZERO;
        return group.shutdownGracefully(quiet.toMillis(), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(timeout.toMillis() + 1_000);
    }
}
