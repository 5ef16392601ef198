package dev.shomei.protocol.line.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Event loop groups for the line, their channel types, and their graceful shutdown. On Linux the
 * line uses Netty's native epoll transport (measured in docs/benchmarks.md: less CPU per heartbeat
 * than NIO's selector); elsewhere, or when the native library cannot load, NIO. Every group and
 * channel of the line comes from here, so the two never mix.
 */
public final class EventLoops {
    /** Wait this long for quiet before shutting down: lets in-flight writes (a refusal) leave. */
    private static final Duration QUIET_PERIOD = Duration.ofMillis(100);
    private static final boolean EPOLL = Epoll.isAvailable();

    private EventLoops() {
    }

    /** A group of daemon threads named {@code name-N-M}; 0 threads = Netty's default (2 x cores). */
    public static EventLoopGroup newGroup(String name, int threads) {
        IoHandlerFactory io = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
    }

    /** The listening channel type that goes with {@link #newGroup}'s groups. */
    public static Class<? extends ServerChannel> serverChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /** The connection channel type that goes with {@link #newGroup}'s groups. */
    public static Class<? extends SocketChannel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** "epoll" or "nio": what this JVM's line runs on. */
    public static String transport() {
        return EPOLL ? "epoll" : "nio";
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
