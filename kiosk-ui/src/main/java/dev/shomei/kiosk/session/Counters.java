package dev.shomei.kiosk.session;

import java.util.concurrent.atomic.AtomicLong;

/** Issuance counters since the firmware started, for the heartbeat. */
public final class Counters {
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong voided = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    void countIssued() {
        issued.incrementAndGet();
    }

    void countVoided() {
        voided.incrementAndGet();
    }

    void countError() {
        errors.incrementAndGet();
    }

    public long issued() {
        return issued.get();
    }

    public long voided() {
        return voided.get();
    }

    public long errors() {
        return errors.get();
    }
}
