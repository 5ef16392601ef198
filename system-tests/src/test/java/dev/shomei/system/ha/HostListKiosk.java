package dev.shomei.system.ha;

import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.load.CardPool;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.DevPki;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A kiosk that fails over by itself: the firmware's own {@link LineCenterLink} with a host list
 * ({@code --center host:port,host:port}), no load balancer. It issues back to back with the load
 * generator's cards and keeps the transactions whose PRINTED outcome was acknowledged. A failed
 * issue is retried with the same transaction id (as the firmware does), so a center killed
 * between the backend's record and the PDF does not leave a second issuance.
 */
final class HostListKiosk implements Runnable, AutoCloseable {
    private static final Set<ErrorCode> TRANSIENT = Set.of(ErrorCode.CENTER_UNAVAILABLE, ErrorCode.BACKEND_UNAVAILABLE);
    final Set<String> printed = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private final LineCenterLink link;
    private final String terminalId;
    private final CardPool cards;
    private final Thread thread;
    private volatile boolean running = true;
    private long sequence;

    HostListKiosk(DevPki pki, String terminalId, List<CenterAddress> centers, CardPool cards) {
        this.terminalId = terminalId;
        this.cards = cards;
        this.link = new LineCenterLink(centers, LineTls.clientContext(pki.terminal(terminalId), pki.rootCaPem()),
                terminalId, "ha-test", Duration.ofSeconds(30));
        this.thread = Thread.ofPlatform().name("hostlist-" + terminalId).daemon().start(this);
    }

    @Override
    public void run() {
        String transactionId = null;
        while (running) {
            if (transactionId == null) {
                transactionId = terminalId + "-" + sequence++;
            }
            CardPool.Card card = cards.card(sequence);
            IssueRequest request = new IssueRequest(transactionId, HaStack.MUNICIPALITY, CertificateType.DOMESTIC, 1,
                    Language.JA, card.ef0001(), card.ef0002(), card.ef0003(), card.ef0004());
            try {
                link.issue(request).wipe();
            } catch (ShomeiException e) {
                errors.merge(e.code().name(), 1, Integer::sum);
                if (!TRANSIENT.contains(e.code())) {
                    transactionId = null;
                }
                pause();
                continue;
            } finally {
                request.wipe();
            }
            try {
                link.reportOutcome(PrintOutcome.printed(transactionId));
                printed.add(transactionId);
            } catch (ShomeiException e) {
                errors.merge(e.code().name() + " (print outcome)", 1, Integer::sum); // reconciliation voids it
            }
            transactionId = null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(70));
        link.close();
    }
}
