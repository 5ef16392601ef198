package dev.shomei.kiosk.center;

import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.SessionState;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Sends a heartbeat at once when a session begins or ends, not only every N seconds: the operator
 * board shows a terminal in use within a second (and asks before it is disabled), and a terminal
 * disabled a moment ago learns it as the resident starts, before asking for the card. Watches the
 * screens the session publishes; never blocks (the heartbeat runs on the sender).
 */
public final class StateChangeHeartbeat implements Consumer<Screen> {
    private final Runnable heartbeat;
    private final Executor sender;
    private boolean idle = true;

    public StateChangeHeartbeat(Runnable heartbeat, Executor sender) {
        this.heartbeat = heartbeat;
        this.sender = sender;
    }

    @Override
    public synchronized void accept(Screen screen) {
        boolean nowIdle = screen.state() == SessionState.IDLE; // as the heartbeat's terminal state counts it
        if (nowIdle != idle) {
            idle = nowIdle;
            sender.execute(heartbeat);
        }
    }
}
