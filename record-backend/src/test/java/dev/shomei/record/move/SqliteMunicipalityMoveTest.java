package dev.shomei.record.move;

/** {@link MunicipalityMoveContract} on SQLite: SQLite to SQLite. */
class SqliteMunicipalityMoveTest extends MunicipalityMoveContract {
    private int databases;

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + temp.resolve("records-" + (++databases) + ".db");
    }
}
