package dev.shomei.kiosk.center;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.MunicipalityCatalogRequest;
import dev.shomei.protocol.line.MunicipalityCatalogResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.line.transport.LineSettings;
import io.netty.handler.ssl.SslContext;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The line to the certificate center with failover: the kiosk knows several centers and keeps
 * one connection open; when it breaks, the next center (in order, wrapping around) takes over and
 * the request is sent once more — safe, because every request is idempotent on the center (an
 * issue request is retried with the same transaction id).
 *
 * <p>A {@link Refusal} becomes a {@link ShomeiException} with its code and is never retried. One
 * request at a time: the worker and the heartbeat share the connection.
 */
public final class LineCenterLink implements CenterLink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LineCenterLink.class.getName());

    private final List<CenterAddress> centers;
    private final SslContext tls;
    private final String terminalId;
    private final String firmwareVersion;
    private final Duration timeout;
    private final LineSettings settings = LineSettings.client();
    private LineClient client;
    private int current;

    /**
     * @param tls     the kiosk's client identity, trusting only the center's CA
     * @param timeout connecting, and waiting for each answer
     */
    public LineCenterLink(List<CenterAddress> centers, SslContext tls, String terminalId, String firmwareVersion,
                          Duration timeout) {
        if (centers.isEmpty()) {
            throw new IllegalArgumentException("at least one center address is needed");
        }
        this.centers = List.copyOf(centers);
        this.tls = Objects.requireNonNull(tls, "tls");
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.firmwareVersion = Objects.requireNonNull(firmwareVersion, "firmwareVersion");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public List<MunicipalityInfo> municipalities() {
        return request(new MunicipalityCatalogRequest(), MunicipalityCatalogResponse.class).municipalities();
    }

    @Override
    public IssueResponse issue(IssueRequest request) {
        return request(request, IssueResponse.class);
    }

    @Override
    public void reportOutcome(PrintOutcome outcome) {
        expectAck(request(outcome, Ack.class), MessageType.PRINT_OUTCOME);
    }

    @Override
    public void heartbeat(Heartbeat heartbeat) {
        expectAck(request(heartbeat, Ack.class), MessageType.HEARTBEAT);
    }

    /** The center now connected, or null. */
    public synchronized CenterAddress connectedCenter() {
        return client != null && client.isOpen() ? centers.get(current) : null;
    }

    @Override
    public synchronized void close() {
        disconnect();
    }

    private synchronized <T extends LineMessage> T request(LineMessage message, Class<T> answerType) {
        ShomeiException lastFailure = null;
        // the open connection (or the first center that answers), then once more after a failover;
        // when no center answers at all, connected() says so and nothing is retried
        for (int attempt = 0; attempt < 2; attempt++) {
            LineClient line = connected();
            LineMessage answer;
            try {
                answer = line.request(message, timeout);
            } catch (ShomeiException e) {
                if (e.code() != ErrorCode.CENTER_UNAVAILABLE) {
                    throw e;
                }
                lastFailure = e;
                LOG.log(Level.WARNING, "line to center {0} lost during {1}", centers.get(current), message.type());
                disconnect();
                current = (current + 1) % centers.size();
                continue;
            }
            return answer(answer, answerType, message.type());
        }
        throw lastFailure;
    }

    private <T extends LineMessage> T answer(LineMessage answer, Class<T> answerType, MessageType asked) {
        if (answer instanceof Refusal refusal) {
            LOG.log(Level.INFO, "center refused {0}: {1}", asked, refusal.code());
            throw new ShomeiException(refusal.code(), "center refused " + asked);
        }
        if (!answerType.isInstance(answer)) {
            // answers are matched by order: after a surprise the connection cannot be trusted
            disconnect();
            throw new ShomeiException(ErrorCode.PROTOCOL_ERROR, "center answered " + asked + " with " + answer.type());
        }
        return answerType.cast(answer);
    }

    private static void expectAck(Ack ack, MessageType acknowledged) {
        if (ack.acknowledged() != acknowledged) {
            throw new ShomeiException(ErrorCode.PROTOCOL_ERROR, "ack for " + ack.acknowledged() + " instead of " + acknowledged);
        }
    }

    /** The open connection, or a new one to the first center (from the current one on) that takes a Hello. */
    private LineClient connected() {
        if (client != null && client.isOpen()) {
            return client;
        }
        disconnect();
        ShomeiException lastFailure = null;
        for (int tried = 0; tried < centers.size(); tried++) {
            CenterAddress center = centers.get(current);
            try {
                LineClient candidate = LineClient.connect(center.host(), center.port(), tls, settings, timeout);
                try {
                    LineMessage answer = candidate.request(new Hello(terminalId, firmwareVersion), timeout);
                    expectAck(answer(answer, Ack.class, MessageType.HELLO), MessageType.HELLO);
                } catch (RuntimeException e) {
                    candidate.close();
                    throw e;
                }
                client = candidate;
                LOG.log(Level.INFO, "line to center {0} open", center);
                return client;
            } catch (ShomeiException e) {
                if (e.code() != ErrorCode.CENTER_UNAVAILABLE) {
                    throw e; // e.g. TERMINAL_DISABLED: every center would say the same
                }
                lastFailure = e;
                LOG.log(Level.WARNING, "center {0} not reachable", center);
                current = (current + 1) % centers.size();
            }
        }
        throw new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "no center reachable of " + centers, lastFailure);
    }

    private void disconnect() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
