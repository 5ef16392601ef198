package dev.shomei.protocol.line.transport;

import dev.shomei.protocol.line.codec.FrameFormat;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of one end of the line.
 *
 * @param maxInboundPayloadBytes  largest payload this end accepts; a bigger header closes the connection
 * @param maxOutboundPayloadBytes largest payload this end sends; a bigger message fails its write
 * @param readerIdleTimeout       close the connection when nothing arrives for this long
 * @param writerIdleInterval      fire a writer-idle event after this long without a write (the
 *                                kiosk's cue to heartbeat); {@link Duration#ZERO} turns it off
 * @param handshakeTimeout        give up a TLS handshake after this long
 * @param refuseProtocolErrors    answer a protocol error with a {@code Refusal(PROTOCOL_ERROR)}
 *                                before closing (the center does; the kiosk just closes)
 */
public record LineSettings(
        int maxInboundPayloadBytes,
        int maxOutboundPayloadBytes,
        Duration readerIdleTimeout,
        Duration writerIdleInterval,
        Duration handshakeTimeout,
        boolean refuseProtocolErrors) {

    /**
     * The largest kiosk -> center payload worth accepting: an issue request is at most ~16.5 KiB
     * (four card files of at most 4 KiB each). Only center -> kiosk carries a PDF.
     */
    public static final int KIOSK_TO_CENTER_MAX_PAYLOAD_BYTES = 64 * 1024;
    /** Kiosks heartbeat every 30 s; three missed ones mean the peer is gone. */
    public static final Duration DEFAULT_READER_IDLE_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    public LineSettings {
        positive("maxInboundPayloadBytes", maxInboundPayloadBytes);
        positive("maxOutboundPayloadBytes", maxOutboundPayloadBytes);
        positive("readerIdleTimeout", readerIdleTimeout);
        Objects.requireNonNull(writerIdleInterval, "writerIdleInterval");
        if (writerIdleInterval.isNegative()) {
            throw new IllegalArgumentException("writerIdleInterval must not be negative");
        }
        positive("handshakeTimeout", handshakeTimeout);
    }

    /** The center's end: small inbound frames, PDFs outbound, refusals on protocol errors. */
    public static LineSettings server() {
        return new LineSettings(KIOSK_TO_CENTER_MAX_PAYLOAD_BYTES, FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES,
                DEFAULT_READER_IDLE_TIMEOUT, Duration.ZERO, DEFAULT_HANDSHAKE_TIMEOUT, true);
    }

    /** The kiosk's end: PDFs inbound, small frames outbound. */
    public static LineSettings client() {
        return new LineSettings(FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES, KIOSK_TO_CENTER_MAX_PAYLOAD_BYTES,
                DEFAULT_READER_IDLE_TIMEOUT, Duration.ZERO, DEFAULT_HANDSHAKE_TIMEOUT, false);
    }

    public LineSettings withMaxInboundPayloadBytes(int bytes) {
        return new LineSettings(bytes, maxOutboundPayloadBytes, readerIdleTimeout, writerIdleInterval,
                handshakeTimeout, refuseProtocolErrors);
    }

    public LineSettings withMaxOutboundPayloadBytes(int bytes) {
        return new LineSettings(maxInboundPayloadBytes, bytes, readerIdleTimeout, writerIdleInterval,
                handshakeTimeout, refuseProtocolErrors);
    }

    public LineSettings withReaderIdleTimeout(Duration timeout) {
        return new LineSettings(maxInboundPayloadBytes, maxOutboundPayloadBytes, timeout, writerIdleInterval,
                handshakeTimeout, refuseProtocolErrors);
    }

    public LineSettings withWriterIdleInterval(Duration interval) {
        return new LineSettings(maxInboundPayloadBytes, maxOutboundPayloadBytes, readerIdleTimeout, interval,
                handshakeTimeout, refuseProtocolErrors);
    }

    public LineSettings withHandshakeTimeout(Duration timeout) {
        return new LineSettings(maxInboundPayloadBytes, maxOutboundPayloadBytes, readerIdleTimeout,
                writerIdleInterval, timeout, refuseProtocolErrors);
    }

    public LineSettings withRefuseProtocolErrors(boolean refuse) {
        return new LineSettings(maxInboundPayloadBytes, maxOutboundPayloadBytes, readerIdleTimeout,
                writerIdleInterval, handshakeTimeout, refuse);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
    }

    private static void positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive");
        }
    }
}
