package dev.shomei.record.db;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/** The database failed (unreachable, full, corrupt): the caller may try again later. */
public final class DatabaseException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(ErrorCode.BACKEND_UNAVAILABLE, message, cause);
    }
}
