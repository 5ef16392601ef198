package dev.shomei.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.backend.BackendShard;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** center.yaml's backend: the old single url is one shard; {@code backend.shards} names several. */
class CenterSettingsShardsTest {
    @TempDir
    Path dir;

    @Test
    void theSingleUrlIsOneShard() {
        CenterSettings settings = CenterSettings.defaults();
        assertEquals(List.of(new BackendShard("default", List.of(URI.create("https://127.0.0.1:8410")))),
                settings.backend().shards());
        assertFalse(settings.backend().routed(), "one backend: talked to directly, as before");
        assertEquals(List.of(URI.create("https://10.0.0.9:8410")),
                settings.withBackend(URI.create("https://10.0.0.9:8410")).backend().shards().getFirst().urls(),
                "--backend replaces it");
    }

    @Test
    void shardsAreReadWithTheirUrlsAndTheCommonTiming() throws Exception {
        Path file = dir.resolve("center.yaml");
        CenterSettings.load(file);
        Files.writeString(file, Files.readString(file).replace("  url: https://127.0.0.1:8410", """
                  shards:
                    - name: east
                      urls: [https://127.0.0.1:9410, https://127.0.0.1:9411]
                    - name: west
                      urls:
                        - https://127.0.0.1:9510
                """.stripTrailing()).replace("deadline: 8s", "deadline: 5s"));
        CenterSettings settings = CenterSettings.load(file);
        assertEquals(List.of(
                new BackendShard("east", List.of(URI.create("https://127.0.0.1:9410"), URI.create("https://127.0.0.1:9411"))),
                new BackendShard("west", List.of(URI.create("https://127.0.0.1:9510")))), settings.backend().shards());
        assertTrue(settings.backend().routed());
        assertEquals(Duration.ofSeconds(5), settings.backend().forUri(URI.create("https://127.0.0.1:9510")).deadline());
    }

    @Test
    void twoShardsOfOneNameOrAPlainHttpUrlAreRefused() throws Exception {
        Path file = dir.resolve("center.yaml");
        CenterSettings.load(file);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("  url: https://127.0.0.1:8410", """
                  shards:
                    - name: east
                      urls: [https://127.0.0.1:9410]
                    - name: east
                      urls: [https://127.0.0.1:9510]
                """.stripTrailing()));
        assertThrows(IllegalArgumentException.class, () -> CenterSettings.load(file));
        Files.writeString(file, text.replace("  url: https://127.0.0.1:8410", """
                  shards:
                    - name: east
                      urls: [http://127.0.0.1:9410]
                """.stripTrailing()));
        assertThrows(IllegalArgumentException.class, () -> CenterSettings.load(file));
    }
}
