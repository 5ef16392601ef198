package dev.shomei.system;

/** The end-to-end scenarios with the backend on its embedded SQLite database. */
class SqliteIssuanceIT extends IssuanceScenarios {
    @Override
    String databaseUrl() {
        return null;
    }
}
