package dev.shomei.record.importer;

import dev.shomei.record.testing.PostgresServer;

/** {@link ImportChunksContract} on PostgreSQL (the shared test server, a database per test). */
class PostgresImportChunksIT extends ImportChunksContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("import_chunks");
    }
}
