package dev.shomei.protocol.line.transport;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.codec.LineFrameDecoder;
import dev.shomei.protocol.line.codec.LineProtocolException;
import dev.shomei.protocol.line.tls.PeerIdentity;
import dev.shomei.protocol.line.tls.TlsFailureReason;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The last handler of every line pipeline: whatever goes wrong on a connection ends here and
 * closes it. A protocol error is logged with its reason (and, on the center, answered with a
 * {@code Refusal(PROTOCOL_ERROR)} first); a TLS failure, an I/O error or a reader-idle timeout is
 * logged and closes; a failed TLS handshake is logged once, with a reason that never repeats what
 * the peer sent ({@link TlsFailureReason}); anything else is a bug and is logged with its stack
 * trace. Log lines carry the peer's address and CN, never message content. One instance per connection.
 */
public final class LineGuard extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(LineGuard.class.getName());
    /** How long a refusal may take to leave before the connection is closed anyway. */
    private static final long REFUSAL_GRACE_MILLIS = 2_000;

    private final boolean refuseProtocolErrors;
    private boolean closing;

    public LineGuard(boolean refuseProtocolErrors) {
        this.refuseProtocolErrors = refuseProtocolErrors;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closing) {
            return;
        }
        closing = true;
        LineFrameDecoder.stopDecoding(ctx.channel());
        String peer = describe(ctx.channel());
        var protocolError = LineProtocolException.in(cause);
        if (protocolError.isPresent()) {
            LOG.log(Level.WARNING, "line {0}: {1}; closing", peer, protocolError.get().getMessage());
            if (refuseProtocolErrors && ctx.channel().isActive()) {
                ctx.writeAndFlush(new Refusal("", ErrorCode.PROTOCOL_ERROR)).addListener(ChannelFutureListener.CLOSE);
                ctx.executor().schedule(() -> ctx.close(), REFUSAL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
        } else if (find(cause, SSLException.class) != null) {
            LOG.log(Level.INFO, "line {0}: TLS failure: {1}; closing", peer, TlsFailureReason.of(find(cause, SSLException.class)));
        } else if (find(cause, IOException.class) != null) {
            LOG.log(Level.DEBUG, "line {0}: connection error: {1}; closing", peer, cause.toString());
        } else {
            LOG.log(Level.WARNING, "line " + peer + ": unexpected failure; closing", cause);
        }
        ctx.close();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
            handshakeFailed(ctx, done.cause());
        }
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            LOG.log(Level.INFO, "line {0}: nothing received within the idle timeout; closing", describe(ctx.channel()));
            closing = true;
            LineFrameDecoder.stopDecoding(ctx.channel());
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        // reached the end of the pipeline: nobody handles it
        if (message instanceof LineMessage m) {
            LOG.log(Level.DEBUG, "line {0}: unhandled {1}", describe(ctx.channel()), m.type());
        }
        ReferenceCountUtil.release(message);
    }

    /**
     * A TLS error during the handshake also reaches {@link #exceptionCaught}, which logs it; a timeout
     * does not, and a peer that closes before the handshake ends is most often a health check or a
     * port probe (a load balancer's TCP check: once a second per balancer), so it is only DEBUG.
     */
    private static void handshakeFailed(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ClosedChannelException) {
            LOG.log(Level.DEBUG, "line {0}: {1}", ctx.channel().remoteAddress(), TlsFailureReason.of(cause));
        } else if (cause instanceof SslHandshakeTimeoutException || !(cause instanceof SSLException)) {
            LOG.log(Level.INFO, "line {0}: TLS handshake failed: {1}; closing", ctx.channel().remoteAddress(),
                    TlsFailureReason.of(cause));
        }
    }

    private static String describe(Channel channel) {
        return PeerIdentity.commonNameIfKnown(channel).map(cn -> cn + "@").orElse("") + channel.remoteAddress();
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
