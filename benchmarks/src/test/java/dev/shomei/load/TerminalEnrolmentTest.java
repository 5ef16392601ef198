package dev.shomei.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.CenterSettings;
import dev.shomei.center.registry.TerminalRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalEnrolmentTest {
    @TempDir
    Path dir;

    @Test
    void idsTheDevPkiAndTheRegistryAccept() {
        assertEquals(List.of("LGK-000001", "LGK-000002", "LGK-000003"), TerminalEnrolment.ids("LGK", 3));
    }

    @Test
    void theCentersOwnRegistryReadsWhatWasRegistered() {
        Path file = dir.resolve("terminals.json");
        TerminalRegistry registry = TerminalRegistry.open(file);
        registry.register("K0001", "Demo store 1");
        registry.setEnabled("K0001", false);
        registry.register("LGK-000002", "kept as it is");
        registry.setEnabled("LGK-000002", false);

        int added = TerminalEnrolment.register(file, TerminalEnrolment.ids("LGK", 3));

        assertEquals(2, added);
        TerminalRegistry reread = TerminalRegistry.open(file);
        assertEquals(4, reread.all().size());
        assertFalse(reread.isEnabled("K0001"), "other terminals stay as they were");
        assertFalse(reread.isEnabled("LGK-000002"), "a disabled load terminal stays disabled");
        assertTrue(reread.isEnabled("LGK-000001"));
        assertTrue(reread.isEnabled("LGK-000003"));
        assertEquals(TerminalEnrolment.LABEL, reread.find("LGK-000003").orElseThrow().label());
        assertTrue(registry.isEnabled("LGK-000001"), "an open registry notices the new file");
        assertEquals(0, TerminalEnrolment.register(file, TerminalEnrolment.ids("LGK", 3)), "a second run adds nothing");
    }

    @Test
    void createsTheRegistryFileWhenMissing() {
        Path file = dir.resolve("center").resolve("terminals.json");
        assertEquals(2, TerminalEnrolment.register(file, TerminalEnrolment.ids("LGH", 2)));
        assertTrue(TerminalRegistry.open(file).isEnabled("LGH-000002"));
    }

    @Test
    void theOwnCentersSettingsRaiseOnlyTheLineRateLimitAndTheRefresh() throws IOException {
        Path file = dir.resolve(CenterSettings.FILE_NAME);
        Files.writeString(file, LocalStack.centerYaml());
        CenterSettings own = CenterSettings.load(file);
        CenterSettings defaults = CenterSettings.defaults();
        assertEquals(10_000, own.lineLimits().messagesPerSecond(), 1e-9);
        assertEquals(10_000, own.lineLimits().messageBurst());
        assertEquals(java.time.Duration.ofSeconds(5), own.municipalityRefresh());
        assertEquals(defaults.lineLimits().maxConcurrentWork(), own.lineLimits().maxConcurrentWork());
        assertEquals(defaults.backend(), own.backend());
        assertEquals(defaults.lineIdleTimeout(), own.lineIdleTimeout());
    }
}
