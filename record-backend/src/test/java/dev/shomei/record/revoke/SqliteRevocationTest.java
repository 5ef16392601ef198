package dev.shomei.record.revoke;

/** Revocation on every void, on SQLite: one file per test. */
class SqliteRevocationTest extends RevocationContract {
    private int databases;

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + temp.resolve("revocation-" + (++databases) + ".db");
    }
}
