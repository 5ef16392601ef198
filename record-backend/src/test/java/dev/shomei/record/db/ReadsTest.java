package dev.shomei.record.db;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Reads on SQLite. */
class ReadsTest extends ReadsContract {
    @TempDir
    Path temp;

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + temp.resolve("records.db");
    }
}
