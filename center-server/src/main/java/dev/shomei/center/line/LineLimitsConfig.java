package dev.shomei.center.line;

import java.time.Duration;

/**
 * The line server's limits.
 *
 * @param maxConnections          open connections in total; more are closed at once
 * @param maxConnectionsPerTerminal a terminal id may hold this many connections (failover overlap)
 * @param messagesPerSecond       sustained messages per connection; a faster peer is cut off
 * @param messageBurst            messages a connection may send in a burst
 * @param maxConcurrentWork       issue requests and list requests processed at once (print outcomes need no slot)
 * @param workWait                how long a request may wait for a free slot before CENTER_UNAVAILABLE
 * @param helloTimeout            a connection that has not said Hello by then is closed
 */
public record LineLimitsConfig(int maxConnections, int maxConnectionsPerTerminal, double messagesPerSecond,
                               int messageBurst, int maxConcurrentWork, Duration workWait, Duration helloTimeout) {
    public static LineLimitsConfig defaults() {
        return new LineLimitsConfig(100_000, 2, 10, 40, 32, Duration.ofSeconds(5), Duration.ofSeconds(20));
    }
}
