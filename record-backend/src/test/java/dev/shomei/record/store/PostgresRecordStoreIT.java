package dev.shomei.record.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.shomei.record.testing.PostgresServer;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The record store on a real PostgreSQL server (started by the test set-up): one database per test. */
class PostgresRecordStoreIT extends RecordStoreContract {

    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }

    /**
     * A pg_dump of the database and every file of the server's data directory (after a checkpoint)
     * but the other databases' own directories under {@code base/}: the tests share one server, and
     * a database's rows live only in its own directory, the shared catalogs and the logs.
     */
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
        Path wal = server.dataDirectory().resolve("pg_wal");
        Path base = server.dataDirectory().resolve("base");
        Path own = server.databaseDirectory(database);
        List<Path> ownFiles = new ArrayList<>();
        Files.walkFileTree(server.dataDirectory(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                boolean otherDatabase = base.equals(directory.getParent()) && !directory.equals(own)
                        && directory.getFileName().toString().chars().allMatch(Character::isDigit);
                return otherDatabase || withoutWal && directory.equals(wal) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    try {
                        raw.add(Files.readAllBytes(file));
                        if (file.startsWith(own)) {
                            ownFiles.add(file);
                        }
                    } catch (NoSuchFileException vanished) {
                        // removed after the directory was listed: nothing stored there any more
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            /** The server removes temporary and cache files (pg_internal.init, pgsql_tmp) while we walk. */
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                return vanished(failure);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                return failure == null ? FileVisitResult.CONTINUE : vanished(failure);
            }

            private FileVisitResult vanished(IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
        assertFalse(ownFiles.isEmpty(), "the scan read the database's own table files");
        return raw;
    }
}
