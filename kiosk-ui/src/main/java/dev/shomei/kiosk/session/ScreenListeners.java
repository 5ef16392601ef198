package dev.shomei.kiosk.session;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Holds the screen shown now and hands every new one to the listeners (the touch screen's event
 * stream, the headless driver). A listener that throws is logged and the others still get the
 * screen. Called under the session's lock, so listeners must not block.
 */
final class ScreenListeners {
    private static final System.Logger LOG = System.getLogger(ScreenListeners.class.getName());

    private final List<Consumer<Screen>> listeners = new CopyOnWriteArrayList<>();
    private Screen current;

    ScreenListeners(Screen first) {
        this.current = first;
    }

    /** Adds a listener and tells it the current screen at once. */
    void add(Consumer<Screen> listener) {
        listeners.add(listener);
        listener.accept(current);
    }

    void remove(Consumer<Screen> listener) {
        listeners.remove(listener);
    }

    Screen current() {
        return current;
    }

    void publish(Screen screen) {
        current = screen;
        for (Consumer<Screen> listener : listeners) {
            try {
                listener.accept(screen);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "screen listener failed: {0}", e.getClass().getName());
            }
        }
    }
}
