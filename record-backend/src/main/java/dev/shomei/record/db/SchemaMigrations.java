package dev.shomei.record.db;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with Flyway: the engine's scripts
 * {@code db/migration/<engine>/V<n>__<what>.sql}, in version order, each in its own transaction,
 * recorded in {@code flyway_schema_history}. A script added below one that is already applied runs
 * too ({@code outOfOrder}), as the record migrations V002..V049 are meant to sit below the console's
 * V050. Several processes starting at once are safe: on PostgreSQL Flyway takes a transaction-scoped
 * advisory lock; on SQLite each migration's transaction starts with {@code BEGIN IMMEDIATE} (see
 * {@link Database#migrationDataSource}), so a second process waits and then finds it applied.
 *
 * <p>A database made before Flyway carries our former runner's {@code schema_version} table instead.
 * It is taken over once: each version it lists is recorded in Flyway's history without running again,
 * each script it lacks runs, and then {@code schema_version} is dropped.
 */
final class SchemaMigrations {
    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());
    /** The former runner's table (before Flyway). */
    static final String LEGACY_TABLE = "schema_version";

    private SchemaMigrations() {
    }

    static void migrate(Database database) {
        DataSource dataSource = database.migrationDataSource();
        Set<Integer> legacy = legacyVersions(database);
        if (legacy != null) {
            takeOverLegacyHistory(database, dataSource, legacy);
        }
        MigrateResult result = flyway(database.engine(), dataSource).load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.log(Level.INFO, "schema migrated to v{0}: {1} migration(s) applied ({2})", result.targetSchemaVersion,
                    result.migrationsExecuted, result.migrations.stream()
                            .map(migration -> migration.version + " " + migration.description).collect(Collectors.joining(", ")));
        }
    }

    /** The location of the engine's scripts on the class path. */
    static String location(Engine engine) {
        return "classpath:db/migration/" + engine.migrationFolder();
    }

    private static FluentConfiguration flyway(Engine engine, DataSource dataSource) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location(engine))
                .outOfOrder(true)
                .placeholderReplacement(false) // scripts are plain SQL; "${" means nothing
                // SQLite: a connection's pragmas can meet a passing SQLITE_BUSY while another process opens
                // or closes the new file (Database.sqlitePool); Flyway connects again after 1 s, then 2 s
                .connectRetries(engine == Engine.SQLITE ? 2 : 0)
                // java.util.logging like the rest of the backend, chosen here rather than found on the class path
                .loggers("org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator");
    }

    /**
     * Walks the scripts in version order: one the old table lists is recorded as applied without
     * running ({@code skipExecutingMigrations}), one it lacks runs, as the old runner would have run it.
     */
    private static void takeOverLegacyHistory(Database database, DataSource dataSource, Set<Integer> legacy) {
        List<MigrationVersion> versions = Arrays.stream(flyway(database.engine(), dataSource).load().info().all())
                .map(MigrationInfo::getVersion).distinct().sorted().toList();
        for (MigrationVersion version : versions) {
            boolean recorded = legacy.contains(Integer.parseInt(version.getVersion()));
            flyway(database.engine(), dataSource).target(version).skipExecutingMigrations(recorded).load().migrate();
        }
        database.write(tx -> {
            tx.execute("DROP TABLE IF EXISTS " + LEGACY_TABLE);
            return null;
        });
        LOG.log(Level.INFO, "schema history taken over from {0} (versions {1})", LEGACY_TABLE, legacy);
    }

    /** The versions in the former runner's table, or {@code null} when there is none (any more). */
    private static Set<Integer> legacyVersions(Database database) {
        return database.read(tx -> {
            boolean exists = tx.engine() == Engine.SQLITE
                    ? tx.queryLong("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", LEGACY_TABLE) > 0
                    : tx.queryLong("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                            + "AND table_name = ?", LEGACY_TABLE) > 0;
            return exists ? new TreeSet<>(tx.query("SELECT version FROM " + LEGACY_TABLE, row -> row.getInt(1))) : null;
        });
    }
}
