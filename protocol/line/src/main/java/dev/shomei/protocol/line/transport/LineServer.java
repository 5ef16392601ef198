package dev.shomei.protocol.line.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A listening line endpoint (the center's side). {@link #close()} stops accepting, closes every
 * open connection (TLS close_notify included) and shuts the event loops down gracefully.
 */
public final class LineServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LineServer.class.getName());
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel listener;
    private final ChannelGroup connections;

    private LineServer(EventLoopGroup boss, EventLoopGroup workers, Channel listener, ChannelGroup connections) {
        this.boss = boss;
        this.workers = workers;
        this.listener = listener;
        this.connections = connections;
    }

    /**
     * Binds {@code address} (port 0 = any free port) and serves each connection with a new handler
     * from {@code handlers}, behind {@link LinePipeline}.
     *
     * @param workerThreads I/O threads; 0 = Netty's default
     */
    public static LineServer start(InetSocketAddress address, SslContext tls, LineSettings settings,
            Supplier<? extends ChannelHandler> handlers, int workerThreads) {
        Objects.requireNonNull(address, "address");
        LineChannelInitializer lineInitializer = LineChannelInitializer.server(tls, settings, handlers);
        ChannelGroup connections = new DefaultChannelGroup("line-connections", GlobalEventExecutor.INSTANCE);
        EventLoopGroup boss = EventLoops.newGroup("line-accept", 1);
        EventLoopGroup workers = EventLoops.newGroup("line-io", workerThreads);
        try {
            Channel listener = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(EventLoops.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel channel) {
                            connections.add(channel);
                            channel.pipeline().addLast(lineInitializer);
                        }
                    })
                    .bind(address)
                    .syncUninterruptibly()
                    .channel();
            LOG.log(Level.INFO, "line server listening on {0} ({1})", listener.localAddress(), EventLoops.transport());
            return new LineServer(boss, workers, listener, connections);
        } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
            EventLoops.shutdownGracefully(boss, SHUTDOWN_TIMEOUT);
            EventLoops.shutdownGracefully(workers, SHUTDOWN_TIMEOUT);
            throw new IllegalStateException("the line server could not listen on " + address.getHostString() + ":"
                    + address.getPort() + " (" + e.getMessage() + ")", e);
        }
    }

    public static LineServer start(InetSocketAddress address, SslContext tls, LineSettings settings,
            Supplier<? extends ChannelHandler> handlers) {
        return start(address, tls, settings, handlers, 0);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** Connections open right now. */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
        connections.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT.toMillis());
        EventLoops.shutdownGracefully(boss, SHUTDOWN_TIMEOUT);
        EventLoops.shutdownGracefully(workers, SHUTDOWN_TIMEOUT);
        LOG.log(Level.INFO, "line server on {0} stopped", listener.localAddress());
    }
}
