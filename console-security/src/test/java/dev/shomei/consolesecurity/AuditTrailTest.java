package dev.shomei.consolesecurity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {
    @TempDir
    Path dir;

    @Test
    void twoInstancesAppendToOneChainThatVerifies() {
        Path file = dir.resolve("operator-audit.jsonl");
        AuditTrail first = new AuditTrail(file, Clock.systemUTC());
        AuditTrail second = new AuditTrail(file, Clock.systemUTC()); // another center
        first.append("admin", "10.0.0.5", "DISABLE_TERMINAL", "K0001", "enabled", "disabled");
        second.append("operator", "10.0.0.6", "ACK_ALERT", "7", null, null);
        first.append("admin", "10.0.0.5", "UPDATE_MUNICIPALITY", "131059", "fee=120", "fee=200");
        AuditTrail.Verification result = second.verify();
        assertTrue(result.intact(), result.reason());
        assertEquals(3, result.entries());
        List<AuditTrail.Entry> latest = first.latest(2);
        assertEquals("UPDATE_MUNICIPALITY", latest.getFirst().action());
        assertEquals(3, latest.getFirst().seq());
    }

    @Test
    void anEditedADeletedOrAReorderedEntryIsFound() throws Exception {
        Path file = dir.resolve("operator-audit.jsonl");
        AuditTrail trail = new AuditTrail(file, Clock.systemUTC());
        for (int i = 0; i < 4; i++) {
            trail.append("admin", "10.0.0.5", "DISABLE_TERMINAL", "K000" + i, "enabled", "disabled");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        Files.write(file, edit(lines, 1, lines.get(1).replace("\"admin\"", "\"operator\"")));
        AuditTrail.Verification edited = trail.verify();
        assertFalse(edited.intact());
        assertEquals(2L, edited.brokenAt().orElseThrow());
        assertEquals("entry altered", edited.reason());

        List<String> deleted = new java.util.ArrayList<>(lines);
        deleted.remove(2);
        Files.write(file, deleted);
        assertFalse(trail.verify().intact(), "a deleted entry");

        List<String> swapped = new java.util.ArrayList<>(lines);
        java.util.Collections.swap(swapped, 1, 2);
        Files.write(file, swapped);
        assertFalse(trail.verify().intact(), "reordered entries");

        Files.write(file, lines);
        assertTrue(trail.verify().intact(), "the original verifies");
    }

    private static List<String> edit(List<String> lines, int index, String replacement) {
        List<String> copy = new java.util.ArrayList<>(lines);
        copy.set(index, replacement);
        return copy;
    }
}
