package dev.shomei.load;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.transport.LineClient;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One simulated kiosk: connects as its terminal, then runs complete issuances back to back until
 * told to stop: issue request with virtual card data -> the certificate PDF -> print outcome
 * PRINTED -> ack. No payment, printing or resident time in between: this measures the center and
 * the backend. It heartbeats every 30 s like the firmware. A lost connection is counted and
 * re-opened.
 */
public final class KioskSimulator implements Runnable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(30);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final LineConnector connector;
    private final String terminalId;
    private final int kioskNumber;
    private final String run;
    private final CardPool cards;
    private final CertificateType type;
    private final String municipality;
    private final IssuanceMetrics metrics;
    private final BooleanSupplier running;
    private final Duration pace;
    private long issued;
    private long sequence;

    public KioskSimulator(LineConnector connector, String terminalId, int kioskNumber, String run, CardPool cards,
            CertificateType type, String municipality, IssuanceMetrics metrics, BooleanSupplier running, Duration pace) {
        this.connector = connector;
        this.terminalId = terminalId;
        this.kioskNumber = kioskNumber;
        this.run = run;
        this.cards = cards;
        this.type = type;
        this.municipality = municipality;
        this.metrics = metrics;
        this.running = running;
        this.pace = pace;
    }

    @Override
    public void run() {
        while (running.getAsBoolean()) {
            try (LineClient client = connector.connect(terminalId, TIMEOUT)) {
                long lastHeartbeat = System.nanoTime();
                // paced kiosks start at phases spread over the pace (golden ratio steps) so they do not arrive together
                long next = System.nanoTime() + (long) (pace.toNanos() * (kioskNumber * 0.6180339887 % 1.0));
                while (running.getAsBoolean()) {
                    if (System.nanoTime() - lastHeartbeat > HEARTBEAT_EVERY.toNanos()) {
                        heartbeat(client);
                        lastHeartbeat = System.nanoTime();
                    }
                    if (!pace.isZero()) {
                        sleepUntil(next);
                        next = Math.max(next + pace.toNanos(), System.nanoTime());
                    }
                    issueOnce(client);
                }
            } catch (ShomeiException e) {
                metrics.errors.add(e.code().name() + (e.code() == ErrorCode.CENTER_UNAVAILABLE ? " (connection)" : ""));
                pause();
            } catch (RuntimeException e) {
                metrics.errors.add("LOCAL " + e.getClass().getSimpleName());
                pause();
            }
        }
    }

    /**
     * One complete issuance on an open connection; records it in the metrics.
     *
     * @return empty on success, else the error code (also counted)
     */
    java.util.Optional<String> issueOnce(LineClient client) {
        long n = (long) kioskNumber * 1_000_003L + sequence;
        String transactionId = run + "-" + kioskNumber + "-" + sequence++;
        CardPool.Card card = cards.card(n);
        CertificateType requested = CardPool.typeFor(type, card, n);
        IssueRequest request = new IssueRequest(transactionId, municipality, requested, 1, Language.JA,
                card.ef0001(), card.ef0002(), card.ef0003(), card.ef0004());
        long started = System.nanoTime();
        LineMessage answer = client.request(request, TIMEOUT);
        request.wipe();
        long answered = System.nanoTime();
        String error = switch (answer) {
            case IssueResponse response -> {
                if (!response.transactionId().equals(transactionId) || response.pdfLength() < 1_000) {
                    yield "LOCAL bad IssueResponse";
                }
                metrics.pdfBytes.add(response.pdfLength());
                response.wipe();
                LineMessage ack = client.request(PrintOutcome.printed(transactionId, response.feeYen()), TIMEOUT);
                long done = System.nanoTime();
                if (ack instanceof Ack a && a.acknowledged() == MessageType.PRINT_OUTCOME) {
                    metrics.issue.record(answered - started);
                    metrics.transaction.record(done - started);
                    metrics.completed.increment();
                    metrics.printed(transactionId);
                    issued++;
                    yield null;
                }
                yield ack instanceof Refusal refusal ? refusal.code().name() + " (print outcome)"
                        : "LOCAL outcome answered with " + ack.type();
            }
            case Refusal refusal -> refusal.code().name();
            default -> "LOCAL issue answered with " + answer.type();
        };
        if (error != null) {
            metrics.errors.add(error);
            if (answer instanceof Refusal refusal
                    && (refusal.code() == ErrorCode.OUTSIDE_SERVICE_HOURS || refusal.code() == ErrorCode.TERMINAL_DISABLED)) {
                pause(); // no point hammering a closed service
            }
        }
        return java.util.Optional.ofNullable(error);
    }

    private void heartbeat(LineClient client) {
        LineMessage answer = client.request(new Heartbeat(TerminalState.IDLE, 80, 80, DeviceStatus.OK, DeviceStatus.OK,
                DeviceStatus.OK, issued, 0, metrics.errors.total(), Instant.now()), TIMEOUT);
        if (!(answer instanceof Ack)) {
            metrics.errors.add("LOCAL heartbeat answered with " + answer.type());
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
