package dev.shomei.center.console;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's few static files, from the class path under {@code console/}. A fixed list, so no
 * request path ever reaches the file system or the class loader.
 */
final class ConsoleAssets {
    static final Map<String, String> TYPES = Map.of(
            "console.html", "text/html; charset=UTF-8",
            "login.html", "text/html; charset=UTF-8",
            "console.js", "text/javascript; charset=UTF-8",
            "login.js", "text/javascript; charset=UTF-8",
            "i18n.js", "text/javascript; charset=UTF-8",
            "console.css", "text/css; charset=UTF-8");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    boolean exists(String name) {
        return TYPES.containsKey(name);
    }

    void send(String name, ServerResponse response) {
        String type = TYPES.get(name);
        if (type == null) {
            response.status(Status.NOT_FOUND_404).send();
            return;
        }
        byte[] content = cache.computeIfAbsent(name, ConsoleAssets::load);
        response.header(HeaderNames.CONTENT_TYPE, type);
        response.send(content);
    }

    private static byte[] load(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console asset missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
