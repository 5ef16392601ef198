package dev.shomei.record.users;

import java.time.Instant;

/**
 * A proposed change of a clerk console id's role, waiting for a second administrator (issue 18
 * point 3) or decided. Holds only ids and role codes.
 *
 * @param decision null while open; APPROVED, REFUSED or CANCELLED once decided
 */
public record RoleChange(String id, String userId, Role fromRole, Role toRole, String proposedBy, Instant proposedAt,
                         Decision decision, String decidedBy, Instant decidedAt) {

    /** How an open proposal ended. */
    public enum Decision { APPROVED, REFUSED, CANCELLED }

    public boolean open() {
        return decision == null;
    }
}
