package dev.shomei.record.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The record store on SQLite: one file per test. */
class SqliteRecordStoreTest extends RecordStoreContract {
    private int databases;

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + temp.resolve("records-" + (++databases) + ".db");
    }

    /** The database file, its WAL and shared-memory file. */
    @Override
    protected List<byte[]> rawStorage(String url) throws Exception {
        Path file = Path.of(url.substring("jdbc:sqlite:".length()));
        List<byte[]> raw = new ArrayList<>();
        for (Path part : List.of(file, Path.of(file + "-wal"), Path.of(file + "-shm"))) {
            if (Files.exists(part)) {
                raw.add(Files.readAllBytes(part));
            }
        }
        return raw;
    }
}
