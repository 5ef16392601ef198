package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway brings a new database, and one that our former runner made, to the same schema; on both
 * engines (SQLite and PostgreSQL subclasses).
 */
abstract class SchemaMigrationsContract {
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");

    /** A new, empty database. */
    protected abstract String newDatabaseUrl() throws Exception;

    protected abstract Engine engine();

    @Test
    void aNewDatabaseGetsEveryScriptRecordedInFlywaysHistory() throws Exception {
        try (Database database = Database.open(newDatabaseUrl())) {
            assertEquals(scriptVersions(), history(database));
            assertFalse(hasLegacyTable(database));
        }
    }

    @Test
    void aDatabaseOfTheFormerRunnerIsTakenOverKeepsItsDataAndEndsWithTheSameSchema() throws Exception {
        String fresh = newDatabaseUrl();
        List<String> expected;
        try (Database database = Database.open(fresh)) {
            expected = schema(database);
        }
        String old = newDatabaseUrl();
        migrateAsTheFormerRunnerDid(old, scriptVersions());
        try (Connection connection = DriverManager.getConnection(old); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO meta (name, value) VALUES ('kept', 'yes')");
        }
        try (Database database = Database.open(old)) {
            assertEquals(scriptVersions(), history(database), "every old version recorded, none run again");
            assertFalse(hasLegacyTable(database), "schema_version is dropped once taken over");
            assertEquals(expected, schema(database));
            assertEquals(List.of("yes"), database.read(tx -> tx.query("SELECT value FROM meta WHERE name = 'kept'",
                    row -> row.getString(1))));
        }
        try (Database database = Database.open(old)) {
            assertEquals(scriptVersions(), history(database), "opening again changes nothing");
        }
    }

    @Test
    void aScriptTheFormerRunnerHadNotRunRunsAtTakeOver() throws Exception {
        String old = newDatabaseUrl();
        migrateAsTheFormerRunnerDid(old, List.of(1)); // a database from before the clerk console (V050)
        try (Database database = Database.open(old)) {
            assertEquals(scriptVersions(), history(database));
            assertEquals(0L, (long) database.read(tx -> tx.queryLong("SELECT count(*) FROM clerk_user")),
                    "V050 ran: its table exists");
        }
    }

    /** V160 rebuilds SQLite's issuance table for the POSTAL channel (issue 21): the records stay as they were. */
    @Test
    void thePostalChannelMigrationKeepsEveryIssuance() throws Exception {
        String old = newDatabaseUrl();
        migrateAsTheFormerRunnerDid(old, scriptVersions().stream().filter(version -> version < 160).toList());
        byte[] sealed = {1, 2, 3};
        try (Connection connection = DriverManager.getConnection(old)) {
            try (PreparedStatement municipality = connection.prepareStatement("INSERT INTO municipality VALUES "
                    + "('131059', '文京区', 'Bunkyo', '文京区長', 'Mayor', ?, ?, 120, '06:30', '23:00', 1, 1)")) {
                municipality.setBoolean(1, true);
                municipality.setBoolean(2, true);
                municipality.executeUpdate();
            }
            try (PreparedStatement resident = connection.prepareStatement("INSERT INTO resident (municipality_code, id, "
                    + "atena_number, status, family_name_kanji_enc, given_name_kanji_enc, birth_date_enc, sex_enc, "
                    + "variant_kanji, created_at, updated_at) VALUES ('131059', 'r1', 'A-1', 'ACTIVE', ?, ?, ?, ?, ?, 1, 1)")) {
                for (int i = 1; i <= 4; i++) {
                    resident.setBytes(i, sealed);
                }
                resident.setBoolean(5, false);
                resident.executeUpdate();
            }
            try (PreparedStatement issuance = connection.prepareStatement("INSERT INTO issuance VALUES ('131059', 'i1', "
                    + "'13105AAAAAAA', 'r1', 'OVERSEAS', 'WINDOW', NULL, 'TX-1', 2, 240, 5, 'VOIDED', 6, 'LOST', ?, ?)")) {
                issuance.setBytes(1, sealed);
                issuance.setBytes(2, sealed);
                issuance.executeUpdate();
            }
        }
        try (Database database = Database.open(old)) {
            assertEquals(scriptVersions(), history(database));
            assertEquals(List.of("i1 13105AAAAAAA r1 OVERSEAS WINDOW null TX-1 2 240 5 VOIDED 6 LOST 3 3"),
                    database.read(tx -> tx.query("SELECT id, certificate_id, resident_id, certificate_type, channel, "
                            + "terminal_id, transaction_id, copies, fee_total_yen, issued_at, status, status_changed_at, "
                            + "void_reason, passport_number_enc, response_enc FROM issuance", row -> row.getString(1) + " "
                            + row.getString(2) + " " + row.getString(3) + " " + row.getString(4) + " " + row.getString(5)
                            + " " + row.getString(6) + " " + row.getString(7) + " " + row.getInt(8) + " " + row.getInt(9)
                            + " " + row.getLong(10) + " " + row.getString(11) + " " + row.getLong(12) + " "
                            + row.getString(13) + " " + row.getBytes(14).length + " " + row.getBytes(15).length)));
            database.write(tx -> tx.update("INSERT INTO issuance (municipality_code, id, certificate_id, resident_id, "
                    + "certificate_type, channel, transaction_id, copies, fee_total_yen, issued_at, status, "
                    + "status_changed_at, response_enc) VALUES ('131059', 'i2', '13105BBBBBBB', 'r1', 'DOMESTIC', "
                    + "'POSTAL', 'TX-2', 1, 120, 7, 'ISSUED', 7, ?)", (Object) sealed));
            assertEquals(2L, (long) database.read(tx -> tx.queryLong("SELECT count(*) FROM issuance")));
            assertThrowsOnInsert(database, "MAIL");
        }
    }

    private static void assertThrowsOnInsert(Database database, String channel) {
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> database.write(tx -> tx.update(
                "INSERT INTO issuance (municipality_code, id, certificate_id, resident_id, certificate_type, channel, "
                        + "transaction_id, copies, fee_total_yen, issued_at, status, status_changed_at, response_enc) "
                        + "VALUES ('131059', 'i3', '13105CCCCCCC', 'r1', 'DOMESTIC', ?, 'TX-3', 1, 120, 7, 'ISSUED', 7, ?)",
                channel, new byte[] {1})), "the channel is still checked");
    }

    @Test
    void processesStartingAtOnceMigrateOnce() throws Exception {
        String url = newDatabaseUrl();
        ExecutorService starters = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Integer>>> opened = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opened.add(starters.submit(() -> {
                    try (Database database = Database.open(url)) {
                        return history(database);
                    }
                }));
            }
            for (Future<List<Integer>> each : opened) {
                assertEquals(scriptVersions(), each.get());
            }
        } finally {
            starters.shutdownNow();
        }
    }

    /** The successful migrations in Flyway's history, by version. */
    static List<Integer> history(Database database) {
        return database.read(tx -> tx.query("SELECT version FROM flyway_schema_history WHERE success "
                + "AND version IS NOT NULL ORDER BY installed_rank", row -> Integer.parseInt(row.getString(1))));
    }

    private static boolean hasLegacyTable(Database database) {
        return database.read(tx -> tx.engine() == Engine.SQLITE
                ? tx.queryLong("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'")
                : tx.queryLong("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")) > 0;
    }

    /** Tables, columns, indexes and constraints, without Flyway's own table. */
    private static List<String> schema(Database database) {
        return database.read(tx -> {
            if (tx.engine() == Engine.SQLITE) {
                // SQLite keeps each CREATE statement's text: compared without comments and line layout
                // (the former runner stripped comments, Flyway sends them along)
                return tx.query("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master "
                        + "WHERE name NOT LIKE 'flyway%' ORDER BY name", row -> row.getString(1)
                        .replaceAll("--[^\n]*", "").replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")"));
            }
            List<String> schema = new ArrayList<>(tx.query("SELECT table_name || '.' || column_name || ' ' || data_type "
                    + "|| ' ' || is_nullable || ' ' || coalesce(column_default, '') FROM information_schema.columns "
                    + "WHERE table_schema = current_schema() AND table_name NOT LIKE 'flyway%' ORDER BY 1",
                    row -> row.getString(1)));
            schema.addAll(tx.query("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                    + "AND tablename NOT LIKE 'flyway%' ORDER BY indexname", row -> row.getString(1)));
            schema.addAll(tx.query("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
                    + "FROM pg_constraint WHERE connamespace = current_schema()::regnamespace "
                    + "AND conname NOT LIKE 'flyway%' ORDER BY 1", row -> row.getString(1)));
            return schema;
        });
    }

    /** The versions of this engine's scripts, ascending. */
    List<Integer> scriptVersions() {
        return List.copyOf(scripts(engine()).keySet());
    }

    /** The engine's scripts, by version, read from the migration folder. */
    static TreeMap<Integer, String> scripts(Engine engine) {
        TreeMap<Integer, String> scripts = new TreeMap<>();
        try {
            URI folder = SchemaMigrationsContract.class.getClassLoader()
                    .getResource("db/migration/" + engine.migrationFolder()).toURI();
            // target/classes for the unit tests, the module's jar for the integration tests
            try (FileSystem jar = "jar".equals(folder.getScheme()) ? FileSystems.newFileSystem(folder, Map.of()) : null;
                 Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Matcher name = SCRIPT.matcher(file.getFileName().toString());
                    assertTrue(name.matches(), "only migration scripts in the folder: " + file.getFileName());
                    scripts.put(Integer.parseInt(name.group(1)), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return scripts;
    }

    /**
     * What the runner before Flyway (dev.shomei.record.db.Migrator) left in a database: the scripts
     * split at ';' with '--' comments removed, each recorded in schema_version.
     */
    private void migrateAsTheFormerRunnerDid(String url, List<Integer> versions) throws SQLException {
        TreeMap<Integer, String> scripts = scripts(engine());
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
                for (int version : versions) {
                    StringBuilder withoutComments = new StringBuilder();
                    for (String line : scripts.get(version).split("\n")) {
                        int comment = line.indexOf("--");
                        withoutComments.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
                    }
                    for (String part : withoutComments.toString().split(";")) {
                        if (!part.isBlank()) {
                            statement.execute(part.strip());
                        }
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                        insert.setInt(1, version);
                        insert.setString(2, "v" + version);
                        insert.setLong(3, System.currentTimeMillis());
                        insert.executeUpdate();
                    }
                }
            }
            connection.commit();
        }
        assertTrue(Set.copyOf(versions).size() == versions.size());
    }
}
