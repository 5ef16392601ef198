package dev.shomei.center.board;

import java.time.Instant;

/**
 * One alert on the operator console: ids and codes only.
 *
 * @param terminalId the terminal concerned, or empty for a center-wide alert
 * @param subject    what exactly: the device name, the transaction id, an error code
 * @param resolvedAt when the condition cleared (heartbeats back, fault gone), or {@code null}
 */
public record Alert(long id, Instant raisedAt, AlertKind kind, String terminalId, String subject,
                    Instant resolvedAt, boolean acknowledged, long version) {

    public boolean isOpen() {
        return resolvedAt == null;
    }

    Alert resolve(Instant at, long newVersion) {
        return new Alert(id, raisedAt, kind, terminalId, subject, at, acknowledged, newVersion);
    }

    Alert acknowledge(long newVersion) {
        return new Alert(id, raisedAt, kind, terminalId, subject, resolvedAt, true, newVersion);
    }
}
