package dev.shomei.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.bench.card.CardReadApdus;
import dev.shomei.bench.fixture.BenchKeys;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The APDU counts docs/benchmarks.md reports, from card-reader's client and the reductions not adopted. */
class CardReadApdusTest {
    @TempDir
    Path dir;

    @Test
    void countsEveryScenarioAndReadsTheSameVerifiedFiles() {
        List<CardReadApdus.Scenario> scenarios = new CardReadApdus(new BenchKeys(dir)).run();
        assertEquals(List.of(10, 9, 7, 6), scenarios.stream().map(CardReadApdus.Scenario::readApdus).toList());
        assertEquals(List.of(12, 11, 9, 8), scenarios.stream().map(CardReadApdus.Scenario::totalApdus).toList());
        assertTrue(scenarios.stream().allMatch(CardReadApdus.Scenario::identical), scenarios.toString());
    }
}
