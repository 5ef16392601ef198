package dev.shomei.protocol.line.tls;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;

/**
 * Why a TLS handshake or record failed, in words fit for a log line. Netty's own message for a peer
 * that does not speak TLS is a hex dump of every byte it sent (a misdirected HTTP client's whole
 * request, query string and all); that never reaches a log: the peer's bytes are not ours to keep.
 */
public final class TlsFailureReason {
    /** Long enough for any JDK or Netty TLS alert text; a longer message is cut. */
    static final int MAX_LENGTH = 200;

    private TlsFailureReason() {
    }

    public static String of(Throwable failure) {
        if (failure instanceof NotSslRecordException) {
            return "the peer does not speak TLS (what it sent is not logged)";
        }
        if (failure instanceof SslHandshakeTimeoutException) {
            return "no TLS handshake within the handshake timeout";
        }
        if (failure instanceof ClosedChannelException) {
            return "the connection closed before the TLS handshake finished";
        }
        String message = failure == null ? null : failure.getMessage();
        if (message == null) {
            return failure == null ? "unknown" : failure.getClass().getSimpleName();
        }
        return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH) + "…";
    }
}
