package dev.shomei.record.durability;

import dev.shomei.record.testing.PostgresServer;

/** kill -9 of the backend against a real PostgreSQL server (the server itself keeps running). */
class PostgresKillIT extends KillContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("kill");
    }
}
