package dev.shomei.protocol;

import java.time.ZoneId;

/** Rules of the service that every component applies the same way: one home for each. */
public final class ServiceRules {
    /**
     * The service's time zone: service hours, "today" (certificate dates, imports, account
     * expiry), and the day and month boundaries of the consoles' searches and statistics.
     */
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    /** Copies of a certificate in one issuance: the kiosk offers, the line, the backend and the printer accept 1..this. */
    public static final int COPIES_MAX = 10;

    private ServiceRules() {
    }
}
