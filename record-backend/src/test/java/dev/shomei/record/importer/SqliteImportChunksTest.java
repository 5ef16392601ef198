package dev.shomei.record.importer;

/** {@link ImportChunksContract} on SQLite. */
class SqliteImportChunksTest extends ImportChunksContract {
    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + temp.resolve("records.db");
    }
}
