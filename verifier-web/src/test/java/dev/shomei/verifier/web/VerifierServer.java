package dev.shomei.verifier.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the record backend's public endpoint serves, for the page's tests: the page from the class path
 * ({@code dev/shomei/verifier/web/}) at {@code /verify/}, and trust files the test puts in
 * ({@link #put}) at their paths. JDK HTTP server on 127.0.0.1, a free port (a secure context for the camera).
 */
final class VerifierServer implements AutoCloseable {
    static final String RESOURCES = "dev/shomei/verifier/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "crt", "application/x-pem-file");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    VerifierServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code body} at {@code path} (e.g. {@code /.well-known/jwks.json}). */
    void put(String path, byte[] body) {
        files.put(path, body);
    }

    void remove(String path) {
        files.remove(path);
    }

    void clearTrust() {
        files.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = files.get(path);
            if (body == null && path.startsWith("/verify/") && !path.contains("..")) {
                String name = path.substring("/verify/".length());
                try (InputStream in = VerifierServer.class.getClassLoader()
                        .getResourceAsStream(RESOURCES + (name.isEmpty() ? "index.html" : name))) {
                    body = in == null ? null : in.readAllBytes();
                }
                if (name.isEmpty()) {
                    path = path + "index.html";
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String extension = path.substring(path.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
