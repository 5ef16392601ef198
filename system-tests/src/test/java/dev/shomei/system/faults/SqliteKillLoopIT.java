package dev.shomei.system.faults;

/** The kill loop with the backend on its embedded SQLite database. */
class SqliteKillLoopIT extends KillLoopDurability {
    @Override
    String databaseUrl() {
        return null;
    }
}
