package dev.shomei.record.db;

import java.sql.SQLException;

/**
 * A write hit a unique key: another transaction got there first. The transaction was rolled back;
 * callers that expect races (idempotent issuance) catch this and read what the winner wrote.
 */
public final class UniqueViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UniqueViolationException(SQLException cause) {
        super("unique key violated", cause);
    }
}
