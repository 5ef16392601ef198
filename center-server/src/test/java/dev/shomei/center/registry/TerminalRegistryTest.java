package dev.shomei.center.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalRegistryTest {
    @TempDir
    Path dir;

    @Test
    void registersEnablesAndDisablesAndSurvivesReopening() {
        Path file = dir.resolve("terminals.json");
        TerminalRegistry registry = TerminalRegistry.open(file);
        assertFalse(registry.isEnabled("K0001"), "unknown terminals are not enabled");

        registry.register("K0001", "Demo store 1");
        registry.register("K0002", "Demo store 2");
        assertTrue(registry.isEnabled("K0001"));
        registry.setEnabled("K0002", false);

        TerminalRegistry reopened = TerminalRegistry.open(file);
        assertTrue(reopened.isEnabled("K0001"));
        assertFalse(reopened.isEnabled("K0002"));
        assertEquals("Demo store 2", reopened.find("K0002").orElseThrow().label());
        assertEquals(List.of("K0001", "K0002"), reopened.all().stream().map(Terminal::id).toList());
    }

    @Test
    void registeringTwiceKeepsTheFirstEntry() {
        TerminalRegistry registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        registry.register("K0001", "first");
        registry.setEnabled("K0001", false);
        Terminal again = registry.register("K0001", "second");
        assertEquals("first", again.label());
        assertFalse(again.enabled());
    }

    @Test
    void aChangeMadeByAnotherCenterIsSeenAndReported() throws Exception {
        Path file = dir.resolve("terminals.json");
        TerminalRegistry here = TerminalRegistry.open(file);
        here.register("K0001", "");
        TerminalRegistry there = TerminalRegistry.open(file);
        List<Terminal> seen = new ArrayList<>();
        here.addListener(seen::add);

        there.setEnabled("K0001", false);
        here.refresh();

        assertFalse(here.isEnabled("K0001"));
        assertEquals(1, seen.size());
        assertFalse(seen.get(0).enabled());
    }

    @Test
    void refusesBadIdsAndUnknownTerminals() {
        TerminalRegistry registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        assertThrows(IllegalArgumentException.class, () -> registry.register("K 1", ""));
        assertThrows(IllegalArgumentException.class, () -> registry.register("x".repeat(65), ""));
        assertThrows(IllegalArgumentException.class, () -> registry.setEnabled("K9999", true));
        assertTrue(registry.all().isEmpty(), "a refused change changes nothing");
    }

    @Test
    void theFileIsReadableJson() throws Exception {
        Path file = dir.resolve("terminals.json");
        TerminalRegistry.open(file).register("K0001", "Store");
        String json = Files.readString(file);
        assertTrue(json.contains("\"id\" : \"K0001\"") && json.contains("\"enabled\" : true"), json);
    }

    @Test
    void aPinnedTerminalAcceptsOnlyItsCertificateAndReEnrolmentShutsTheOldOneOut() {
        TerminalRegistry registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        String stolen = "a".repeat(64);
        String replacement = "b".repeat(64);
        registry.register("K0105", "Store 105");
        assertTrue(registry.pinOnFirstUse("K0105", stolen), "an unpinned terminal is pinned to the first certificate");
        assertFalse(registry.pinOnFirstUse("K0105", replacement));
        assertFalse(registry.pinOnFirstUse("K9999", stolen), "an unknown terminal is never pinned");

        registry.setEnabled("K0105", false);
        Terminal enrolled = registry.enrol("K0105", null, replacement.toUpperCase());
        assertTrue(enrolled.enabled());
        assertEquals("Store 105", enrolled.label());
        TerminalRegistry reopened = TerminalRegistry.open(dir.resolve("terminals.json"));
        assertFalse(reopened.pinOnFirstUse("K0105", stolen), "the stolen certificate stays out after re-enabling");
        assertTrue(reopened.pinOnFirstUse("K0105", replacement));
    }
}
