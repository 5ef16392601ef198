package dev.shomei.record.audit;

import dev.shomei.record.domain.MunicipalityCode;
import java.util.Objects;

/**
 * One thing to write into the audit log: who did what to which record, from where, with what result.
 * Only ids and codes: never a name, a My Number or certificate content ({@code detail} is short
 * key=value text of codes, or for corrections the previous values sealed by the caller).
 *
 * @param actorType    SYSTEM, CENTER (the issuance API), CLERK (console user) or OPERATOR (command line)
 * @param actorId      user id, client certificate CN or command name
 * @param source       where from: terminal id, remote address; may be null
 * @param action       e.g. ISSUE, MARK_PRINTED, MARK_VOIDED, IMPORT, LOGIN
 * @param municipality the municipality whose data was touched; null for system-wide events
 * @param outcome      OK, or a refusal code
 */
public record AuditEvent(
        String actorType,
        String actorId,
        String source,
        String action,
        MunicipalityCode municipality,
        String targetType,
        String targetId,
        String outcome,
        String detail) {

    public AuditEvent {
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The chain the event belongs to: the municipality's, or {@code "-"} for system-wide events. */
    public String chain() {
        return municipality == null ? AuditLog.SYSTEM_CHAIN : municipality.value();
    }
}
