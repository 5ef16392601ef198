package dev.shomei.kiosk.center;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.PrintOutcome;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Delivers print outcomes to the center even when the line is down for a while: an outcome stays
 * queued (a transaction id and a result, nothing personal) until the center acknowledges it or
 * refuses it for good. The heartbeat calls {@link #flush()} as well. With an {@link OutcomeJournal}
 * the queue is also on the disk, forced before {@link #submit} returns, and what a crashed kiosk had
 * not sent is queued again when the outbox is made.
 */
public final class OutcomeOutbox {
    private static final System.Logger LOG = System.getLogger(OutcomeOutbox.class.getName());

    private final CenterLink center;
    private final Executor sender;
    private final int capacity;
    private final Deque<PrintOutcome> queue = new ArrayDeque<>();
    private final Object flushLock = new Object();
    private final OutcomeJournal journal;

    /** An outbox in memory only (tests, the headless one-shot). */
    public OutcomeOutbox(CenterLink center, Executor sender, int capacity) {
        this(center, sender, capacity, null);
    }

    /** An outbox kept in {@code journal} (null: memory only); replays what the journal holds. */
    public OutcomeOutbox(CenterLink center, Executor sender, int capacity, OutcomeJournal journal) {
        this.center = center;
        this.sender = sender;
        this.capacity = capacity;
        this.journal = journal;
        if (journal != null) {
            List<PrintOutcome> replayed = journal.pending();
            queue.addAll(replayed);
            if (!replayed.isEmpty()) {
                LOG.log(Level.INFO, "outcome outbox: {0} outcome(s) from before a restart queued again", replayed.size());
                sender.execute(this::flush);
            }
        }
    }

    /** Queues an outcome and starts sending it on the sender. */
    public void submit(PrintOutcome outcome) {
        synchronized (queue) {
            if (queue.size() == capacity) {
                PrintOutcome dropped = queue.removeFirst();
                LOG.log(Level.WARNING, "outcome outbox full, dropped transaction {0}", dropped.transactionId());
                journalDone(dropped);
            }
            queue.addLast(outcome);
            if (journal != null) {
                try {
                    journal.queued(outcome);
                } catch (UncheckedIOException e) {
                    // the certificate is printed or voided already; the report still goes from memory
                    LOG.log(Level.ERROR, "outcome for transaction {0} not on disk: {1}", outcome.transactionId(),
                            e.getCause().getClass().getSimpleName());
                }
            }
        }
        sender.execute(this::flush);
    }

    /** Sends what is queued, oldest first; stops at the first outcome the center cannot take now. */
    public void flush() {
        synchronized (flushLock) {
            while (true) {
                PrintOutcome next;
                synchronized (queue) {
                    next = queue.peekFirst();
                }
                if (next == null) {
                    return;
                }
                try {
                    center.reportOutcome(next);
                    LOG.log(Level.INFO, "outcome {0} reported for transaction {1}", next.result(), next.transactionId());
                } catch (ShomeiException e) {
                    if (isTransient(e.code())) {
                        LOG.log(Level.DEBUG, "outcome for transaction {0} kept for later: {1}", next.transactionId(), e.code());
                        return;
                    }
                    LOG.log(Level.WARNING, "center refused the outcome for transaction {0}: {1}", next.transactionId(), e.code());
                }
                synchronized (queue) {
                    queue.remove(next);
                    journalDone(next);
                }
            }
        }
    }

    /** Outcomes waiting for the center. */
    public int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Under the queue's lock. */
    private void journalDone(PrintOutcome outcome) {
        if (journal == null) {
            return;
        }
        try {
            journal.done(outcome.transactionId(), List.copyOf(queue));
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, "outcome journal not updated for transaction {0}; it may be sent again",
                    outcome.transactionId());
        }
    }

    /**
     * Worth sending again later. TERMINAL_DISABLED is: a center that does not know the transaction
     * as this terminal's (restarted) refuses a disabled terminal's outcome, and the terminal may be
     * enabled again. The center raises an alert for every refusal, so none goes unseen.
     */
    private static boolean isTransient(ErrorCode code) {
        return code == ErrorCode.CENTER_UNAVAILABLE || code == ErrorCode.BACKEND_UNAVAILABLE
                || code == ErrorCode.PROTOCOL_ERROR || code == ErrorCode.INTERNAL
                || code == ErrorCode.TERMINAL_DISABLED;
    }
}
