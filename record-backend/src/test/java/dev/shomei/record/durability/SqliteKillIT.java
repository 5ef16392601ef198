package dev.shomei.record.durability;

/** kill -9 on the embedded engine: one SQLite file in the test's state directory. */
class SqliteKillIT extends KillContract {
    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + state.resolve("backend").resolve("records.db");
    }
}
