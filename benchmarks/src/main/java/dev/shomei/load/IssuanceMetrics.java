package dev.shomei.load;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the kiosks measure: latency of the issue request (until the PDF has arrived) and of the
 * whole transaction (issue request, then print outcome until its ack), completed issuances, and
 * errors by code. {@link #reset()} at the end of the warm-up.
 */
public final class IssuanceMetrics {
    public final LatencyRecorder issue = new LatencyRecorder();
    public final LatencyRecorder transaction = new LatencyRecorder();
    public final ErrorTally errors = new ErrorTally();
    public final LongAdder completed = new LongAdder();
    public final LongAdder pdfBytes = new LongAdder();

    public void reset() {
        issue.reset();
        transaction.reset();
        errors.reset();
        completed.reset();
        pdfBytes.reset();
    }
}
