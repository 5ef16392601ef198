package dev.shomei.record.users;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.domain.MunicipalityCode;
import java.util.Objects;

/**
 * Who is acting, as the session knows them: user id, role, scope, and where from (the remote
 * address) for the audit log.
 */
public record Actor(String userId, Role role, Scope scope, String source) {
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
    }

    public static Actor of(ClerkUser user, String source) {
        return new Actor(user.id(), user.role(), user.scope(), source);
    }

    /** Throws FORBIDDEN-like INVALID_REQUEST unless the role has the permission. */
    public void require(Permission permission) {
        if (!role.may(permission)) {
            throw new ForbiddenException(permission.name());
        }
    }

    /** The one municipality whose records this user works on; users without one may not read records. */
    public MunicipalityCode municipality() {
        return scope.municipality().orElseThrow(() -> new ForbiddenException("no municipality"));
    }

    /** The user lacks the right: the console answers 403 and changes nothing. */
    public static final class ForbiddenException extends ShomeiException {
        private static final long serialVersionUID = 1L;

        public ForbiddenException(String what) {
            super(ErrorCode.INVALID_REQUEST, "not permitted: " + what);
        }
    }
}
