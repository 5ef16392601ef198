package dev.shomei.record.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.db.Database;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backend's meters all exist from the start: recording anything afterwards (every result, every
 * outcome, every pool of a real database) creates none, so no request's thread ever creates a meter
 * (see {@link BackendMetrics} for the deadlock that avoids).
 */
class BackendMetricsTest {
    @TempDir
    Path temp;

    @Test
    void recordingCreatesNoMeterAndCountsWhereItShould() {
        MeterRegistry registry = Metrics.createMeterRegistry();
        try (Database database = Database.open("jdbc:sqlite:" + temp.resolve("records.db"))) {
            assertEquals(List.of("shomei-sqlite-writer", "shomei-sqlite-reader"), database.poolNames());
            BackendMetrics metrics = new BackendMetrics(registry, database.poolNames());
            database.observeWith(metrics);
            List<Meter.Id> atStart = ids(registry);

            database.write(tx -> tx.update("CREATE TABLE note (id INTEGER PRIMARY KEY)"));
            database.read(tx -> tx.queryLong("SELECT COUNT(*) FROM note"));
            metrics.issued(Duration.ofMillis(3));
            for (ErrorCode code : ErrorCode.values()) {
                metrics.refused(code, Duration.ofMillis(1));
            }
            metrics.refused(ErrorCode.NO_RECORD, Duration.ofMillis(1));
            for (IssuanceStatus status : IssuanceStatus.values()) {
                metrics.outcome(status, Duration.ofMillis(2));
            }
            metrics.connectionWaited("a pool nobody has", Duration.ofMillis(1));
            metrics.writeQueued(Duration.ofMillis(1));
            metrics.groupCommitted(2);
            metrics.timeoutVoids(1);

            assertEquals(atStart, ids(registry), "no meter was created after the start");
            assertEquals(1, counter(registry, "shomei_backend_issue_requests", "result", "ISSUED"));
            assertEquals(2, counter(registry, "shomei_backend_issue_requests", "result", "NO_RECORD"));
            assertEquals(1, counter(registry, "shomei_backend_outcomes", "status", "VOIDED"));
            assertEquals(ErrorCode.values().length + 2, registry.timer("shomei_backend_issue_latency", List.of())
                    .orElseThrow().count());
            for (String pool : database.poolNames()) {
                assertTrue(timer(registry, "shomei_backend_db_connection_wait", pool) >= 1, pool + " handed out a connection");
                assertTrue(timer(registry, "shomei_backend_db_connection_held", pool) >= 1, pool + " had a connection back");
            }
        }
    }

    private static List<Meter.Id> ids(MeterRegistry registry) {
        return registry.meters().stream().map(Meter::id).sorted(java.util.Comparator.comparing(Object::toString)).toList();
    }

    private static long counter(MeterRegistry registry, String name, String label, String value) {
        return registry.counter(name, List.of(Tag.create(label, value))).map(Counter::count).orElseThrow();
    }

    private static long timer(MeterRegistry registry, String name, String pool) {
        return registry.timer(name, List.of(Tag.create("pool", pool))).map(Timer::count).orElseThrow();
    }
}
