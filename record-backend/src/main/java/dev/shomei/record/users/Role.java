package dev.shomei.record.users;

import java.util.EnumSet;
import java.util.Set;

/**
 * Roles of least privilege. A clerk reads inside the own municipality and issues at the window (issue 21:
 * window and postal issuance, reissue after loss); a supervisor also changes and
 * exports; an administrator manages user ids and reviews the audit log but never sees a resident; a
 * national or prefecture user sees statistics only.
 */
public enum Role {
    CLERK(EnumSet.of(Permission.READ_RECORDS, Permission.ISSUE_CERTIFICATES)),
    SUPERVISOR(EnumSet.of(Permission.READ_RECORDS, Permission.ISSUE_CERTIFICATES, Permission.CHANGE_RECORDS, Permission.EXPORT,
            Permission.REVIEW_AUDIT, Permission.VIEW_STATISTICS)),
    ADMINISTRATOR(EnumSet.of(Permission.MANAGE_USERS, Permission.REVIEW_AUDIT)),
    /** The national government or a prefecture: statistics over its area, nothing personal. */
    STATISTICS(EnumSet.of(Permission.VIEW_STATISTICS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Whether a user of this role may hold {@code scope}: municipality roles need one municipality. */
    public boolean accepts(Scope scope) {
        return switch (this) {
            case CLERK, SUPERVISOR -> scope.municipality().isPresent();
            case ADMINISTRATOR -> scope.municipality().isPresent() || scope.isNational();
            case STATISTICS -> scope.municipality().isEmpty();
        };
    }
}
