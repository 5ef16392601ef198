package dev.shomei.record.api;

import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.consolesecurity.RegisteredClients;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The console port (8411): the SMART Health Card issuer keys at {@code /.well-known/jwks.json},
 * public, without login and with CORS open (verifier web apps fetch it), and the clerk console's
 * login-protected pages beside them (or, without a console, a one-line page at {@code /}).
 */
public final class ConsoleRoutes {
    private final IssuerKeys keys;
    private final RegisteredClients clients;
    private final Consumer<HttpRouting.Builder> console;
    private final Supplier<String> jwks;

    /** @param console mounts the clerk console's pages; {@code null} for none */
    public ConsoleRoutes(IssuerKeys keys, Consumer<HttpRouting.Builder> console, RegisteredClients clients) {
        this(keys, console, clients, () -> keys.shc().jwks().toJson());
    }

    /** @param jwks the JWKS document (with each key's crlVersion), the same one the public endpoint serves */
    public ConsoleRoutes(IssuerKeys keys, Consumer<HttpRouting.Builder> console, RegisteredClients clients, Supplier<String> jwks) {
        this.keys = keys;
        this.console = console;
        this.clients = clients;
        this.jwks = jwks;
    }

    public void routing(HttpRouting.Builder routing) {
        routing.addFilter(clients);
        routing.get(BackendApi.JWKS, (req, res) -> res
                        .header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8")
                        .header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                        .header(HeaderNames.CACHE_CONTROL, "public, max-age=300")
                        .send(jwks.get().getBytes(StandardCharsets.UTF_8)))
                .options(BackendApi.JWKS, (req, res) -> res.status(Status.NO_CONTENT_204)
                        .header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                        .header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, OPTIONS")
                        .header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "*")
                        .header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "86400")
                        .send());
        if (console != null) {
            console.accept(routing);
        } else {
            routing.get("/", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                    .send("shomei record backend. Issuer keys: " + BackendApi.JWKS + "\n"));
        }
    }
}
