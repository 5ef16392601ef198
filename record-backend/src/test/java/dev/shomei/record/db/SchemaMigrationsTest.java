package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.testing.LogCapture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema migrations on SQLite, and what both engines' script folders must agree on. */
class SchemaMigrationsTest extends SchemaMigrationsContract {
    @TempDir
    Path temp;
    private int databases;

    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + temp.resolve("records-" + (++databases) + ".db");
    }

    @Override
    protected Engine engine() {
        return Engine.SQLITE;
    }

    @Test
    void bothEnginesHaveTheSameVersionsAndTables() {
        TreeMap<Integer, String> sqlite = scripts(Engine.SQLITE);
        TreeMap<Integer, String> postgresql = scripts(Engine.POSTGRESQL);
        assertEquals(sqlite.keySet(), postgresql.keySet());
        for (int version : sqlite.keySet()) {
            // SQLite changes a constraint by rebuilding the table as <table>_v<version> and renaming it (V160)
            int current = version;
            assertEquals(tables(sqlite.get(version)).stream().filter(table -> !table.endsWith("_v" + current)).toList(),
                    tables(postgresql.get(version)).stream()
                    .filter(table -> !table.matches(".*_p[0-9]+")).toList(), "version " + version);
        }
        assertTrue(postgresql.firstEntry().getValue().contains("PARTITION BY HASH (municipality_code)"));
    }

    @Test
    void aNewDatabaseIsMigratedWithOneLogLineNamingEveryVersion() {
        try (LogCapture log = LogCapture.of(SchemaMigrations.class)) {
            String url = newDatabaseUrl();
            try (Database database = Database.open(url)) {
                TreeMap<Integer, String> scripts = scripts(Engine.SQLITE);
                assertEquals(1, log.messages().size(), log.messages().toString());
                assertTrue(log.messages().get(0).startsWith("INFO schema migrated to v" + scripts.lastKey() + ": "
                        + scripts.size() + " migration(s) applied (001 records, 050 clerk users, "), log.messages().get(0));
            }
            try (Database again = Database.open(url)) {
                assertEquals(1, log.messages().size(), "nothing more to say when nothing was applied: " + log.messages());
            }
        }
    }

    private static List<String> tables(String sql) {
        Matcher matcher = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_0-9]+)").matcher(sql);
        List<String> tables = new ArrayList<>();
        while (matcher.find()) {
            tables.add(matcher.group(1));
        }
        return tables;
    }
}
