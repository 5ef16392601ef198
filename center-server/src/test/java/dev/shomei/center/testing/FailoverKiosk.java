package dev.shomei.center.testing;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.line.transport.LineSettings;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;

/**
 * The kiosk side of "several centers behind a load balancer": it knows every center's port, keeps
 * one connection, and when that breaks sends the same request once more to the next center (safe:
 * requests are idempotent on the center, an issue retry reuses its transaction id).
 */
public final class FailoverKiosk implements AutoCloseable {
    private final List<Integer> ports;
    private final SslContext tls;
    private final String terminalId;
    private final Duration timeout;
    private LineClient client;
    private int current;

    public FailoverKiosk(List<Integer> ports, SslContext tls, String terminalId, Duration timeout) {
        this.ports = List.copyOf(ports);
        this.tls = tls;
        this.terminalId = terminalId;
        this.timeout = timeout;
    }

    /** The port of the center now connected. */
    public int connectedPort() {
        return ports.get(current);
    }

    public LineMessage request(LineMessage message) {
        ShomeiException last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                return connected().request(message, timeout);
            } catch (ShomeiException e) {
                if (e.code() != ErrorCode.CENTER_UNAVAILABLE) {
                    throw e;
                }
                last = e;
                disconnect();
                current = (current + 1) % ports.size();
            }
        }
        throw last;
    }

    private LineClient connected() {
        if (client != null && client.isOpen()) {
            return client;
        }
        disconnect();
        ShomeiException last = null;
        for (int tried = 0; tried < ports.size(); tried++) {
            try {
                LineClient candidate = LineClient.connect("127.0.0.1", ports.get(current), tls, LineSettings.client(), timeout);
                LineMessage answer = candidate.request(new Hello(terminalId, "1.0.0"), timeout);
                if (answer instanceof dev.shomei.protocol.line.Refusal refusal) {
                    candidate.close();
                    throw new ShomeiException(refusal.code(), "hello refused"); // every center would say the same
                }
                if (!(answer instanceof Ack)) {
                    candidate.close();
                    throw new ShomeiException(ErrorCode.PROTOCOL_ERROR, "hello answered with " + answer.type());
                }
                client = candidate;
                return client;
            } catch (ShomeiException e) {
                if (e.code() != ErrorCode.CENTER_UNAVAILABLE) {
                    throw e;
                }
                last = e;
                current = (current + 1) % ports.size();
            }
        }
        throw last;
    }

    private void disconnect() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
