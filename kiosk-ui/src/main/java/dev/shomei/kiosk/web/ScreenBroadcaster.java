package dev.shomei.kiosk.web;

import dev.shomei.kiosk.session.Screen;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands every new screen to each open event stream. A stream only needs the latest screen, so a
 * slow stream skips the ones in between instead of piling them up.
 */
final class ScreenBroadcaster implements Consumer<Screen> {
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private Screen latest;

    /** One open event stream. */
    final class Subscription implements AutoCloseable {
        private final LinkedBlockingDeque<Screen> pending = new LinkedBlockingDeque<>();

        private void offer(Screen screen) {
            pending.clear();
            pending.offer(screen);
        }

        /** The next screen, or null after {@code wait} (time for a keep-alive) or when closed. */
        Screen next(Duration wait) throws InterruptedException {
            return pending.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean isOpen() {
            return !closed && subscriptions.contains(this);
        }

        @Override
        public void close() {
            subscriptions.remove(this);
        }
    }

    /** A new stream; its first screen is the latest one. */
    synchronized Subscription subscribe() {
        Subscription subscription = new Subscription();
        if (latest != null) {
            subscription.offer(latest);
        }
        subscriptions.add(subscription);
        return subscription;
    }

    @Override
    public synchronized void accept(Screen screen) {
        latest = screen;
        for (Subscription subscription : subscriptions) {
            subscription.offer(screen);
        }
    }

    /** Ends every stream (each wakes up, sees it is closed and returns). */
    synchronized void close() {
        closed = true;
        for (Subscription subscription : subscriptions) {
            if (latest != null) {
                subscription.offer(latest);
            }
        }
        subscriptions.clear();
    }
}
