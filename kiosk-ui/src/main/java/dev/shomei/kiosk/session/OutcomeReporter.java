package dev.shomei.kiosk.session;

import dev.shomei.kiosk.center.OutcomeOutbox;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.VoidReason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Tells the center how each issuance ended (through the {@link OutcomeOutbox}) and counts it: printed,
 * or voided with its reason. Remembers the requests a session left while the center was still
 * working on them, so a certificate that arrives after all is voided with the reason the session
 * ended for. Transaction ids only, nothing personal; called under the session's lock.
 */
final class OutcomeReporter {
    private static final int ABANDONED_KEPT = 64;

    private final OutcomeOutbox outbox;
    private final Counters counters;
    /** Transactions left while the center was still working on them, and why: voided when they answer. */
    private final Map<String, VoidReason> abandoned = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, VoidReason> eldest) {
            return size() > ABANDONED_KEPT;
        }
    };

    OutcomeReporter(OutcomeOutbox outbox, Counters counters) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    /** PRINTED; {@code chargedYen} is the fee the kiosk collected. */
    void printed(String transactionId, int chargedYen) {
        outbox.submit(PrintOutcome.printed(transactionId, chargedYen));
        counters.countIssued();
    }

    /** VOIDED with {@code reason} (TERMINAL_ERROR when none is given), before any money was taken. */
    void voided(String transactionId, VoidReason reason) {
        voided(transactionId, reason, 0);
    }

    /** VOIDED with {@code reason}; {@code keptYen} is what the kiosk could not pay back. */
    void voided(String transactionId, VoidReason reason, int keptYen) {
        outbox.submit(PrintOutcome.voided(transactionId,
                reason == null || reason == VoidReason.NONE ? VoidReason.TERMINAL_ERROR : reason, keptYen));
        counters.countVoided();
    }

    /** The session ended while the center works on {@code transactionId}. */
    void abandoned(String transactionId, VoidReason reason) {
        abandoned.put(transactionId, reason == VoidReason.NONE ? VoidReason.TERMINAL_ERROR : reason);
    }

    /**
     * The center answered a request nobody waits for any more: a certificate ({@code issued}) is
     * voided with the reason its session ended for.
     */
    void lateAnswer(String transactionId, boolean issued) {
        VoidReason reason = abandoned.remove(transactionId);
        if (issued) {
            voided(transactionId, reason == null ? VoidReason.TERMINAL_ERROR : reason);
        }
    }
}
