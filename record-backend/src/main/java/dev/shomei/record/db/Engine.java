package dev.shomei.record.db;

import java.sql.SQLException;
import java.util.Locale;

/** The two storage engines the backend runs on, from the same code; SQL that differs lives here. */
public enum Engine {
    /** One file in the state directory, WAL mode, one writer at a time: the embedded default. */
    SQLITE("sqlite"),
    /** The production engine: a server, replicas, partitioned by municipality. */
    POSTGRESQL("postgresql");

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CONSTRAINT = 19;

    private final String folder;

    Engine(String folder) {
        this.folder = folder;
    }

    public static Engine ofUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL: only jdbc:sqlite: and jdbc:postgresql: are supported");
    }

    /** The folder of this engine's migration scripts under {@code db/migration/}. */
    String migrationFolder() {
        return folder;
    }

    /** A row lock for read-then-write sequences; SQLite has none (and needs none: one writer). */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** Whether the failure is a unique-key (or primary-key) violation. */
    public boolean isUniqueViolation(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (this == POSTGRESQL && "23505".equals(cause.getSQLState())) {
                return true;
            }
            if (this == SQLITE && (cause.getErrorCode() & 0xff) == SQLITE_CONSTRAINT
                    && String.valueOf(cause.getMessage()).contains("UNIQUE")) {
                return true;
            }
            if (this == SQLITE && (cause.getErrorCode() & 0xff) == SQLITE_CONSTRAINT
                    && String.valueOf(cause.getMessage()).contains("PRIMARYKEY")) {
                return true;
            }
        }
        return false;
    }

    /** Whether running the whole transaction again may succeed (lock contention, deadlock, serialization). */
    public boolean isTransient(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            String state = String.valueOf(cause.getSQLState());
            if (this == POSTGRESQL && (state.equals("40001") || state.equals("40P01"))) {
                return true;
            }
            int primary = cause.getErrorCode() & 0xff;
            if (this == SQLITE && (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)) {
                return true;
            }
        }
        return false;
    }
}
