package dev.shomei.center.line;

/** A per-connection message rate limit. Not thread-safe: one event loop owns a connection. */
final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    TokenBucket(double perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1_000_000_000d;
        this.capacity = burst;
        this.tokens = burst;
        this.last = nowNanos;
    }

    boolean take(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
        last = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
