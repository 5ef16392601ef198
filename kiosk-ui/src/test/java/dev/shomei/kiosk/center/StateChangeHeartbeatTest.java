package dev.shomei.kiosk.center;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.SessionState;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A heartbeat goes out when a session begins and when it ends, not on every screen. */
class StateChangeHeartbeatTest {
    private final AtomicInteger sent = new AtomicInteger();
    private final StateChangeHeartbeat watcher = new StateChangeHeartbeat(sent::incrementAndGet, Runnable::run);

    @Test
    void oneHeartbeatWhenASessionBeginsAndOneWhenItEnds() {
        watcher.accept(screen(SessionState.IDLE));
        assertEquals(0, sent.get(), "still idle");
        watcher.accept(screen(SessionState.SERVICE));
        assertEquals(1, sent.get(), "a resident began");
        watcher.accept(screen(SessionState.LANGUAGE));
        watcher.accept(screen(SessionState.PIN));
        watcher.accept(screen(SessionState.REFUSED));
        assertEquals(1, sent.get(), "screens within a session send nothing more");
        watcher.accept(screen(SessionState.IDLE));
        assertEquals(2, sent.get(), "the session ended");
    }

    private static Screen screen(SessionState state) {
        return new Screen(1, state, null, null, false, 0, 0, null, null, null, 0, 1, 0, 0, null, null, 0, 0, null,
                List.of(), false, -1, false);
    }
}
