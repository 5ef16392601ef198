package dev.shomei.bench.backend;

import dev.shomei.bench.fixture.BenchPaths;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.generate.ResidentGenerator;
import dev.shomei.record.generate.SyntheticResidents;
import dev.shomei.record.importer.ResidentImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * A record store holding {@code residents} synthetic residents of one municipality (Bunkyo,
 * 131059), generated once with a fixed seed and kept under {@code <state>/bench/} for every later
 * run: SQLite in {@code backend-sqlite-<N>/records.db}, PostgreSQL in {@code backend-postgresql-<N>/}
 * (a private server's data directory). A {@code COMPLETE} marker is written when generation has
 * finished; an interrupted generation resumes (the generator skips residents already there).
 *
 * <p>Who the residents are follows from the seed: {@link #residents()} gives resident {@code i}
 * exactly as it was stored, so benchmarks and the load generator know valid My Numbers and birth dates.
 */
public final class ResidentDataset implements AutoCloseable {
    public static final MunicipalityCode MUNICIPALITY = MunicipalityCode.of("131059");
    public static final long SEED = 20_240_501L;

    /** The two engines the record backend runs on. */
    public enum Engine {
        SQLITE, POSTGRESQL
    }

    private final Engine engine;
    private final int residents;
    private final RecordStore store;
    private final PrivatePostgres postgres;

    private ResidentDataset(Engine engine, int residents, RecordStore store, PrivatePostgres postgres) {
        this.engine = engine;
        this.residents = residents;
        this.store = store;
        this.postgres = postgres;
    }

    /** Opens the data set, generating whatever is missing first (progress on stderr). */
    public static ResidentDataset open(Engine engine, int residents) {
        return open(engine, residents, false);
    }

    /**
     * As {@link #open(Engine, int)}; with {@code partial}, an unfinished data set is used as it is
     * (its first {@link #size()} residents, generation runs in order) instead of being completed:
     * for a machine that cannot spend the time (1,000,000 residents: ~10 min on PostgreSQL, ~5 min on SQLite
     * here). The benchmark says how many residents it held.
     */
    public static ResidentDataset open(Engine engine, int residents, boolean partial) {
        Path dir = BenchPaths.benchDir().resolve("backend-" + engine.name().toLowerCase(Locale.ROOT) + "-" + residents);
        PrivatePostgres postgres = null;
        RecordStore store = null;
        try {
            Files.createDirectories(dir);
            String url;
            if (engine == Engine.POSTGRESQL) {
                postgres = PrivatePostgres.start(dir.resolve("postgres"));
                url = postgres.database("shomei_bench");
            } else {
                url = "jdbc:sqlite:" + dir.resolve("records.db");
            }
            store = RecordStore.open(url, dir.resolve("master-keys.p12"));
            Path complete = dir.resolve("COMPLETE");
            if (!Files.exists(complete) && partial) {
                long present = store.database().read(tx -> tx.queryLong("SELECT count(*) FROM resident"));
                // whole batches only: the generator commits 1,000 at a time, in order
                int usable = (int) (present / 1_000 * 1_000);
                System.err.printf("[dataset] partial: %,d of %,d residents generated; measuring with those%n", usable,
                        residents);
                return new ResidentDataset(engine, usable, store, postgres);
            }
            if (!Files.exists(complete)) {
                generate(store, residents, dir);
                if (postgres != null) {
                    postgres.analyze("shomei_bench");
                }
                Files.writeString(complete, residents + " residents, seed " + SEED + "\n");
            }
            return new ResidentDataset(engine, residents, store, postgres);
        } catch (IOException | RuntimeException e) {
            if (store != null) {
                store.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw (RuntimeException) e;
        }
    }

    private static void generate(RecordStore store, int count, Path dir) {
        System.err.printf("[dataset] generating %,d residents in %s (once; reused from then on) ...%n", count, dir);
        long started = System.nanoTime();
        ResidentImporter importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
        ResidentGenerator generator = new ResidentGenerator(store, importer);
        generator.ensureMunicipality(MUNICIPALITY, "benchmark");
        // one call: the generator logs its progress every 1,000 residents and skips those already stored
        int created = generator.generate(MUNICIPALITY, count, SEED, "benchmark");
        System.err.printf("[dataset] %,d residents added in %d s%n", created,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Resident {@code i} of the data set, as generated. */
    public static SyntheticResidents residents() {
        Municipality bunkyo = BuiltInMunicipalities.find(MUNICIPALITY).orElseThrow();
        return new SyntheticResidents(MUNICIPALITY, bunkyo.nameJa(), SEED);
    }

    public Engine engine() {
        return engine;
    }

    public int size() {
        return residents;
    }

    public RecordStore store() {
        return store;
    }

    @Override
    public void close() {
        store.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
