package dev.shomei.record.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the schema up to date: runs the engine's {@code db/migration/<engine>/V<n>__<what>.sql}
 * scripts listed in that folder's {@code index.txt}, in order, each in its own transaction, and
 * records them in {@code schema_version}. Safe when several processes start at once: PostgreSQL
 * takes an advisory lock, SQLite's {@code BEGIN IMMEDIATE} serializes the writers.
 */
final class Migrator {
    private static final System.Logger LOG = System.getLogger(Migrator.class.getName());
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    /** Arbitrary, fixed: the advisory lock id of shomei migrations. */
    private static final long POSTGRESQL_LOCK = 0x73686f6d6569L;

    private final Database database;

    Migrator(Database database) {
        this.database = database;
    }

    void migrate() {
        database.write(tx -> {
            lock(tx);
            tx.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            return null;
        });
        for (Script script : scripts(database.engine())) {
            database.write(tx -> {
                lock(tx);
                long applied = tx.queryLong("SELECT count(*) FROM schema_version WHERE version = ?", script.version());
                if (applied > 0) {
                    return null;
                }
                for (String statement : statements(script.sql())) {
                    tx.execute(statement);
                }
                tx.update("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                        script.version(), script.description(), System.currentTimeMillis());
                LOG.log(Level.INFO, "schema migrated to version {0} ({1})", script.version(), script.description());
                return null;
            });
        }
    }

    private static void lock(Tx tx) throws java.sql.SQLException {
        if (tx.engine() == Engine.POSTGRESQL) {
            tx.query("SELECT pg_advisory_xact_lock(?)", row -> null, POSTGRESQL_LOCK);
        }
    }

    record Script(int version, String description, String sql) {
    }

    static List<Script> scripts(Engine engine) {
        String folder = "db/migration/" + engine.migrationFolder() + "/";
        List<Script> scripts = new ArrayList<>();
        int previous = 0;
        for (String line : resource(folder + "index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("bad migration name " + name);
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version <= previous) {
                throw new IllegalStateException("migrations out of order at " + name);
            }
            previous = version;
            scripts.add(new Script(version, matcher.group(2), resource(folder + name)));
        }
        return scripts;
    }

    /** Splits a script into statements: comments ({@code --} to the end of the line) go, {@code ;} ends one. */
    static List<String> statements(String sql) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            int comment = line.indexOf("--");
            withoutComments.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String part : withoutComments.toString().split(";")) {
            if (!part.isBlank()) {
                statements.add(part.strip());
            }
        }
        return statements;
    }

    private static String resource(String name) {
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
