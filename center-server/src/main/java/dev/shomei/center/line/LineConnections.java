package dev.shomei.center.line;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Open line connections: a total and, once a terminal said Hello, per terminal id. */
public final class LineConnections {
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Set<Channel>> byTerminal = new ConcurrentHashMap<>();

    /** Counts a new connection; false (and not counted) when {@code max} are open. */
    boolean open(int max) {
        while (true) {
            int now = total.get();
            if (now >= max) {
                return false;
            }
            if (total.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void closed() {
        total.decrementAndGet();
    }

    /** Registers an identified connection; false when the terminal already holds {@code max}. */
    boolean identified(String terminalId, Channel channel, int max) {
        boolean[] added = {false};
        byTerminal.compute(terminalId, (id, channels) -> {
            Set<Channel> set = channels == null ? ConcurrentHashMap.newKeySet() : channels;
            if (set.size() < max) {
                added[0] = set.add(channel);
            }
            return set;
        });
        return added[0];
    }

    void forget(String terminalId, Channel channel) {
        byTerminal.computeIfPresent(terminalId, (id, channels) -> {
            channels.remove(channel);
            return channels.isEmpty() ? null : channels;
        });
    }

    /** The connections of one terminal right now. */
    public Set<Channel> of(String terminalId) {
        Set<Channel> channels = byTerminal.get(terminalId);
        return channels == null ? Set.of() : Set.copyOf(channels);
    }

    public int total() {
        return total.get();
    }
}
