package dev.shomei.record.console;

import java.time.Instant;

/** One audit log entry as the console shows it (ids and codes; sealed values stay sealed). */
record AuditEntry(String chain, long seq, Instant at, String actorType, String actorId, String source, String action,
                  String targetType, String targetId, String outcome, String detail) {
}
