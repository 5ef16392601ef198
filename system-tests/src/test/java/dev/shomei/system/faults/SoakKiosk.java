package dev.shomei.system.faults;

import dev.shomei.kiosk.KioskMain;
import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.PrintResult;
import dev.shomei.protocol.line.VoidReason;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.DevPki;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One simulated kiosk for the durability soak: the kiosk's real line client ({@link LineCenterLink},
 * reconnecting), issuing back to back with one card's raw files. Every certificate that comes back
 * counts as printed and its PRINTED outcome is kept until the center acknowledges it, as the
 * firmware's outbox does; a request lost with the line is voided (TERMINAL_ERROR) the same way.
 */
final class SoakKiosk implements Runnable, AutoCloseable {
    private final LineCenterLink link;
    private final byte[][] cardFiles;
    private final String municipality;
    private final AtomicBoolean running;
    /** Printed: transaction id → the certificate id the kiosk printed. */
    final Map<String, String> printed = new ConcurrentHashMap<>();
    final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    /** Outcomes the center refused for good (other than "try later"): must stay empty. */
    final Map<String, ErrorCode> outcomesRefused = new ConcurrentHashMap<>();
    private final Deque<PrintOutcome> outbox = new ArrayDeque<>();

    SoakKiosk(DevPki pki, String terminalId, String center, byte[][] cardFiles, String municipality, AtomicBoolean running) {
        this.link = new LineCenterLink(CenterAddress.parseList(center), LineTls.clientContext(pki.terminal(terminalId),
                pki.rootCaPem()), terminalId, KioskMain.FIRMWARE_VERSION, Duration.ofSeconds(30));
        this.cardFiles = cardFiles;
        this.municipality = municipality;
        this.running = running;
    }

    @Override
    public void run() {
        while (running.get()) {
            flush();
            issueOnce();
        }
    }

    private void issueOnce() {
        String tx = UUID.randomUUID().toString();
        IssueRequest request = new IssueRequest(tx, municipality, CertificateType.DOMESTIC, 1, Language.JA,
                cardFiles[0].clone(), cardFiles[1].clone(), cardFiles[2].clone(), cardFiles[3].clone());
        try {
            IssueResponse response = link.issue(request);
            if (!response.transactionId().equals(tx) || response.pdf().length < 1000) {
                throw new AssertionError("a wrong answer for " + tx);
            }
            printed.put(tx, response.certificateIds().get(0));
            response.wipe();
            synchronized (outbox) {
                outbox.add(PrintOutcome.printed(tx));
            }
        } catch (ShomeiException e) {
            refusals.merge(e.code().name(), 1, Integer::sum);
            if (e.code() == ErrorCode.CENTER_UNAVAILABLE) {
                // the center may have issued before the line broke: the firmware voids it
                synchronized (outbox) {
                    outbox.add(PrintOutcome.voided(tx, VoidReason.TERMINAL_ERROR));
                }
            }
            pause(200);
        } finally {
            request.wipe();
        }
    }

    /** Sends what is waiting; keeps what the center could not take now. Returns how many are left. */
    int flush() {
        synchronized (outbox) {
            int n = outbox.size();
            for (int i = 0; i < n; i++) {
                PrintOutcome outcome = outbox.poll();
                try {
                    link.reportOutcome(outcome);
                } catch (ShomeiException e) {
                    if (e.code() == ErrorCode.BACKEND_UNAVAILABLE || e.code() == ErrorCode.CENTER_UNAVAILABLE) {
                        outbox.add(outcome);
                    } else if (outcome.result() == PrintResult.PRINTED) {
                        outcomesRefused.put(outcome.transactionId(), e.code());
                    }
                    // a VOIDED refused for good: the backend never made that issuance (checked at the end)
                }
            }
            return outbox.size();
        }
    }

    List<String> printedTransactions() {
        return List.copyOf(printed.keySet());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
