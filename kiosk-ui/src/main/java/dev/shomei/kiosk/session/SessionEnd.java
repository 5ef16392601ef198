package dev.shomei.kiosk.session;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;

/**
 * How the last session ended, for the screen shown after it: the refusal (null when none), the
 * resident's language for the refusal screen only (not personal), and money paid back to take.
 */
record SessionEnd(ErrorCode error, Language language, int returnedYen) {
    static final SessionEnd NONE = new SessionEnd(null, null, 0);

    /** The same end once the refusal was read: the money reminder stays, the message goes. */
    SessionEnd acknowledged() {
        return new SessionEnd(null, null, returnedYen);
    }
}
