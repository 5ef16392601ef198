package dev.shomei.kiosk.session;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;

/**
 * How the last session ended, for the screen shown after it: the refusal (null when none), whether
 * the resident's time ran out, the resident's language for those screens (not personal), and money
 * paid back to take. The start screen shows it until the next session starts or
 * {@link KioskSession#tick()} clears it, so it is never left for the next customer.
 */
record SessionEnd(ErrorCode error, boolean timedOut, Language language, int returnedYen) {
    static final SessionEnd NONE = new SessionEnd(null, false, null, 0);

    /** The same end once the refusal was read: the money and time reminders stay, the message goes. */
    SessionEnd acknowledged() {
        return new SessionEnd(null, timedOut, timedOut || returnedYen > 0 ? language : null, returnedYen);
    }

    /** Whether the start screen has something of this end to say (money to take, time ran out). */
    boolean hasNotice() {
        return timedOut || returnedYen > 0;
    }
}
