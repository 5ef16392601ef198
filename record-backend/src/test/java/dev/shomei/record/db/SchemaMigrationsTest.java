package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(SchemaMigrations.class.getName());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        try {
            String url = newDatabaseUrl();
            try (Database database = Database.open(url)) {
                TreeMap<Integer, String> scripts = scripts(Engine.SQLITE);
                assertEquals(1, lines.size(), lines.toString());
                String line = lines.get(0);
                assertTrue(line.startsWith("schema migrated to v" + scripts.lastKey() + ": " + scripts.size()
                        + " migration(s) applied (001 records, 050 clerk users, "), line);
            }
            lines.clear();
            try (Database again = Database.open(url)) {
                assertEquals(List.of(), lines, "nothing to say when nothing was applied");
            }
        } finally {
            log.removeHandler(capture);
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
