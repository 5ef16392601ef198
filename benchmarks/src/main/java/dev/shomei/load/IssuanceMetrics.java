package dev.shomei.load;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What the kiosks measure: latency of the issue request (until the PDF has arrived) and of the
 * whole transaction (issue request, then print outcome until its ack), completed issuances, and
 * errors by code. {@link #reset()} at the end of the warm-up. A test can also learn the id of each
 * transaction whose PRINTED outcome the center acknowledged ({@link #onPrinted}).
 */
public final class IssuanceMetrics {
    public final LatencyRecorder issue = new LatencyRecorder();
    public final LatencyRecorder transaction = new LatencyRecorder();
    public final ErrorTally errors = new ErrorTally();
    public final LongAdder completed = new LongAdder();
    public final LongAdder pdfBytes = new LongAdder();
    private volatile Consumer<String> printed = transactionId -> { };

    /** Called with each transaction id whose PRINTED outcome the center acknowledged (from the kiosk threads). */
    public void onPrinted(Consumer<String> listener) {
        this.printed = listener;
    }

    void printed(String transactionId) {
        printed.accept(transactionId);
    }

    public void reset() {
        issue.reset();
        transaction.reset();
        errors.reset();
        completed.reset();
        pdfBytes.reset();
    }
}
