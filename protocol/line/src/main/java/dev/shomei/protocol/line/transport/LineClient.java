package dev.shomei.protocol.line.transport;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.codec.LineProtocolException;
import dev.shomei.protocol.line.tls.PeerIdentity;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A blocking line connection for the kiosk, tools and tests: connect and wait for the TLS
 * handshake, then send messages and take the answers in arrival order, each with a timeout.
 * Failures are {@link ShomeiException}s with {@link ErrorCode#CENTER_UNAVAILABLE} (cause
 * attached), except a message this end cannot encode, which is a {@link LineProtocolException}.
 *
 * <p>One thread at a time should use a client; answers are matched to requests by order.
 */
public final class LineClient implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Marks the end of the inbox: the connection has closed. */
    private static final Object CLOSED = new Object();

    private final Channel channel;
    private final Inbox inbox;
    private final EventLoopGroup ownGroup;
    private final String peer;

    private LineClient(Channel channel, Inbox inbox, EventLoopGroup ownGroup, String peer) {
        this.channel = channel;
        this.inbox = inbox;
        this.ownGroup = ownGroup;
        this.peer = peer;
    }

    /** Connects with an event loop of its own, shut down by {@link #close()}. */
    public static LineClient connect(String host, int port, SslContext tls, LineSettings settings, Duration timeout) {
        EventLoopGroup group = EventLoops.newGroup("line-client", 1);
        try {
            return connect(group, true, host, port, tls, settings, timeout);
        } catch (RuntimeException e) {
            EventLoops.shutdownGracefully(group, CLOSE_TIMEOUT);
            throw e;
        }
    }

    /** Connects on a shared event loop group (many clients, e.g. a load generator); close leaves it running. */
    public static LineClient connect(EventLoopGroup group, String host, int port, SslContext tls,
            LineSettings settings, Duration timeout) {
        return connect(group, false, host, port, tls, settings, timeout);
    }

    private static LineClient connect(EventLoopGroup group, boolean ownsGroup, String host, int port,
            SslContext tls, LineSettings settings, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        String peer = host + ":" + port;
        Inbox inbox = new Inbox();
        long deadline = System.nanoTime() + timeout.toNanos();
        ChannelFuture connected = new Bootstrap()
                .group(group)
                .channel(EventLoops.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(LineChannelInitializer.client(tls, host, port, settings, () -> inbox))
                .connect(host, port);
        if (!connected.awaitUninterruptibly(timeout.toMillis()) || !connected.isSuccess()) {
            connected.channel().close();
            throw unavailable("cannot connect to " + peer, connected.cause());
        }
        Channel channel = connected.channel();
        // the inbox learns the handshake's end from the pipeline's events: a connection reset right
        // after connecting may already have emptied the pipeline, so it is never looked up there
        long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        Throwable failure = inbox.awaitHandshake(left);
        if (failure != null) {
            channel.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
            throw unavailable("TLS handshake with " + peer + " failed: " + failure.getMessage(), failure);
        }
        return new LineClient(channel, inbox, ownsGroup ? group : null, peer);
    }

    /** Sends {@code message} and waits until it has been written, at most {@code timeout}. */
    public void send(LineMessage message, Duration timeout) {
        Objects.requireNonNull(message, "message");
        ChannelFuture written = channel.writeAndFlush(message);
        if (!written.awaitUninterruptibly(timeout.toMillis())) {
            throw unavailable("sending " + message.type() + " to " + peer + " timed out", null);
        }
        if (!written.isSuccess()) {
            var protocolError = LineProtocolException.in(written.cause());
            if (protocolError.isPresent()) {
                throw protocolError.get();
            }
            throw unavailable("sending " + message.type() + " to " + peer + " failed", failureOr(written.cause()));
        }
    }

    /** The next message from the peer, waiting at most {@code timeout}. */
    public LineMessage receive(Duration timeout) {
        Object next;
        try {
            next = inbox.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for " + peer, e);
        }
        if (next == null) {
            throw unavailable("no message from " + peer + " within " + timeout.toMillis() + " ms", null);
        }
        if (next == CLOSED) {
            inbox.messages.offer(CLOSED); // every later receive sees the end too
            throw unavailable("the connection to " + peer + " closed", inbox.failure);
        }
        return (LineMessage) next;
    }

    /** {@link #send} then {@link #receive}, the timeout applying to each. */
    public LineMessage request(LineMessage message, Duration timeout) {
        send(message, timeout);
        return receive(timeout);
    }

    /** The CN of the server's certificate. */
    public String peerCommonName() {
        return PeerIdentity.commonName(channel);
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** The underlying channel, e.g. to watch {@code closeFuture()}. */
    public Channel channel() {
        return channel;
    }

    /** Closes the connection (TLS close_notify first) and, if it owns one, its event loop. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(CLOSE_TIMEOUT.toMillis());
        if (ownGroup != null) {
            EventLoops.shutdownGracefully(ownGroup, CLOSE_TIMEOUT);
        }
    }

    private Throwable failureOr(Throwable cause) {
        return inbox.failure != null ? inbox.failure : cause;
    }

    private static ShomeiException unavailable(String message, Throwable cause) {
        return new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, message, cause);
    }

    /** Queues every received message; remembers the first failure; marks the end and the handshake's end. */
    private static final class Inbox extends ChannelInboundHandlerAdapter {
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        volatile Throwable failure;
        private final CompletableFuture<Void> handshake = new CompletableFuture<>();

        /** Null once the TLS handshake succeeded; else why not (a timeout after {@code millis}). */
        Throwable awaitHandshake(long millis) {
            try {
                handshake.get(millis, TimeUnit.MILLISECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                return new SSLException("no handshake within " + millis + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent done) {
                if (done.isSuccess()) {
                    handshake.complete(null);
                } else {
                    handshake.completeExceptionally(done.cause());
                }
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof LineMessage m) {
                messages.add(m);
            } else {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
            ctx.fireExceptionCaught(cause);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            handshake.completeExceptionally(new ClosedChannelException()); // no-op after the handshake
            messages.add(CLOSED);
            ctx.fireChannelInactive();
        }
    }
}
