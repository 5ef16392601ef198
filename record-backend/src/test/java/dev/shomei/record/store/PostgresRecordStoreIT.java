package dev.shomei.record.store;

import dev.shomei.record.testing.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The record store on a real PostgreSQL server (started by the test set-up): one database per test. */
class PostgresRecordStoreIT extends RecordStoreContract {

    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }

    /** A pg_dump of the database and every file of the server's data directory (after a checkpoint). */
    @Override
    protected List<byte[]> rawStorage(String url) throws Exception {
        return storage(url, false);
    }

    /**
     * As {@link #rawStorage} without {@code pg_wal}: the write-ahead log keeps the plaintext rows the
     * former schema wrote until PostgreSQL recycles the segment (docs/threat-model.md says so); the
     * tables, their dropped predecessors and the dump must hold none.
     */
    @Override
    protected List<byte[]> rawStorageAfterMigration(String url) throws Exception {
        return storage(url, true);
    }

    private List<byte[]> storage(String url, boolean withoutWal) throws Exception {
        PostgresServer server = PostgresServer.shared().orElseThrow();
        String database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        List<byte[]> raw = new ArrayList<>();
        raw.add(server.dump(database));
        server.checkpoint();
        try (Stream<Path> files = Files.walk(server.dataDirectory())) {
            Path wal = server.dataDirectory().resolve("pg_wal");
            for (Path file : files.filter(Files::isRegularFile).filter(file -> !withoutWal || !file.startsWith(wal)).toList()) {
                try {
                    raw.add(Files.readAllBytes(file));
                } catch (java.nio.file.NoSuchFileException vanished) {
                    // the server removes temporary and cache files while we walk: nothing stored there
                }
            }
        }
        return raw;
    }
}
