package dev.shomei.protocol.line.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sets up a new line connection with {@link LinePipeline#configure}. The handler supplier is
 * called once per connection, since handlers hold per-connection state.
 */
public final class LineChannelInitializer extends ChannelInitializer<Channel> {
    private final SslContext tls;
    private final String peerHost;
    private final int peerPort;
    private final LineSettings settings;
    private final Supplier<? extends ChannelHandler> handlers;

    private LineChannelInitializer(SslContext tls, String peerHost, int peerPort, LineSettings settings,
            Supplier<? extends ChannelHandler> handlers) {
        this.tls = Objects.requireNonNull(tls, "tls");
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handlers = Objects.requireNonNull(handlers, "handlers");
    }

    /** For accepted connections; {@code tls} from {@code LineTls.serverContext}. */
    public static LineChannelInitializer server(SslContext tls, LineSettings settings,
            Supplier<? extends ChannelHandler> handlers) {
        if (!tls.isServer()) {
            throw new IllegalArgumentException("a server needs a server TLS context");
        }
        return new LineChannelInitializer(tls, null, -1, settings, handlers);
    }

    /**
     * For a connection to {@code host:port}; the host is checked against the server certificate.
     * {@code tls} from {@code LineTls.clientContext}.
     */
    public static LineChannelInitializer client(SslContext tls, String host, int port, LineSettings settings,
            Supplier<? extends ChannelHandler> handlers) {
        if (tls.isServer()) {
            throw new IllegalArgumentException("a client needs a client TLS context");
        }
        return new LineChannelInitializer(tls, Objects.requireNonNull(host, "host"), port, settings, handlers);
    }

    @Override
    protected void initChannel(Channel channel) {
        SslHandler tlsHandler = peerHost == null
                ? tls.newHandler(channel.alloc())
                : tls.newHandler(channel.alloc(), peerHost, peerPort);
        tlsHandler.setHandshakeTimeoutMillis(settings.handshakeTimeout().toMillis());
        LinePipeline.configure(channel.pipeline(), tlsHandler, settings, handlers.get());
    }
}
