package dev.shomei.record.api;

import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.record.revoke.TrustDocuments;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public trust endpoint (port 8412, server TLS only): everything a verifier mirrors, without login,
 * with CORS open, {@code Cache-Control}, an ETag and 304 on {@code If-None-Match}:
 *
 * <pre>
 * /.well-known/jwks.json        SMART Health Card issuer keys (crlVersion on keys with a revocation list)
 * /.well-known/crl/{kid}.json   a key's SMART Health Card revocation list
 * /trust/vds-nc/csca.crt        the VDS-NC CSCA certificate (PEM)
 * /trust/vds-nc/signers.crt     every VDS-NC barcode signer certificate, retired ones too (PEM)
 * /trust/vds-nc/revoked.json    the signed VDS-NC revocation list
 * /verify/                      the verifier web page (class-path folder dev/shomei/verifier/web/)
 * </pre>
 */
public final class TrustRoutes {
    public static final String CRL_PREFIX = "/.well-known/crl/";
    public static final String CSCA = "/trust/vds-nc/csca.crt";
    public static final String SIGNERS = "/trust/vds-nc/signers.crt";
    public static final String VDS_REVOKED = "/trust/vds-nc/revoked.json";
    public static final String VERIFIER = "/verify/";
    /** Where the verifier web page's files are on the class path (module verifier-web). */
    static final String VERIFIER_RESOURCES = "dev/shomei/verifier/web/";
    /** Lists change when a certificate is voided: verifiers look again after a minute. */
    private static final String LIST_CACHE = "public, max-age=60";
    private static final String KEY_CACHE = "public, max-age=300";
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern RESOURCE = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8", "mjs", "text/javascript; charset=UTF-8", "css", "text/css; charset=UTF-8",
            "json", "application/json; charset=UTF-8", "svg", "image/svg+xml", "png", "image/png",
            "webmanifest", "application/manifest+json", "wasm", "application/wasm", "txt", "text/plain; charset=UTF-8");

    private final TrustDocuments documents;
    private final ClassLoader resources;

    public TrustRoutes(TrustDocuments documents) {
        this(documents, TrustRoutes.class.getClassLoader());
    }

    TrustRoutes(TrustDocuments documents, ClassLoader resources) {
        this.documents = documents;
        this.resources = resources;
    }

    public void routing(HttpRouting.Builder routing) {
        routing.get(BackendApi.JWKS, (req, res) -> send(req, res, "application/json; charset=UTF-8", KEY_CACHE,
                        Optional.of(documents.jwks())))
                .get(CRL_PREFIX + "{file}", (req, res) -> {
                    String file = req.path().pathParameters().get("file");
                    String kid = file.endsWith(".json") ? file.substring(0, file.length() - 5) : "";
                    send(req, res, "application/json; charset=UTF-8", LIST_CACHE,
                            KID.matcher(kid).matches() ? documents.shcRevocationList(kid) : Optional.empty());
                })
                .get(CSCA, (req, res) -> send(req, res, "application/x-pem-file", KEY_CACHE, documents.vdsCscaPem()))
                .get(SIGNERS, (req, res) -> send(req, res, "application/x-pem-file", KEY_CACHE, documents.vdsSignersPem()))
                .get(VDS_REVOKED, (req, res) -> send(req, res, "application/json; charset=UTF-8", LIST_CACHE,
                        documents.vdsNcRevocationList()))
                .get("/verify", (req, res) -> res.status(Status.MOVED_PERMANENTLY_301)
                        .header(HeaderNames.LOCATION, VERIFIER).send())
                .get(VERIFIER + "*", this::verifierPage)
                .options("/*", (req, res) -> res.status(Status.NO_CONTENT_204)
                        .header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                        .header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, OPTIONS")
                        .header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "If-None-Match")
                        .header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "86400")
                        .send())
                .get("/", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8")
                        .send("shomei trust material: " + BackendApi.JWKS + ", " + CRL_PREFIX + "<kid>.json, " + CSCA + ", "
                                + SIGNERS + ", " + VDS_REVOKED + "; verifier " + VERIFIER + "\n"));
    }

    private void verifierPage(ServerRequest req, ServerResponse res) {
        String path = req.path().path().substring(VERIFIER.length());
        if (path.isEmpty()) {
            path = "index.html";
        }
        Optional<byte[]> body = Optional.empty();
        String type = "application/octet-stream";
        if (RESOURCE.matcher(path).matches() && !path.contains("..")) {
            int dot = path.lastIndexOf('.');
            type = TYPES.getOrDefault(dot < 0 ? "" : path.substring(dot + 1), type);
            try (InputStream in = resources.getResourceAsStream(VERIFIER_RESOURCES + path)) {
                body = in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the verifier page", e);
            }
        }
        res.header("X-Content-Type-Options", "nosniff");
        sendBytes(req, res, type, "public, max-age=300", body);
    }

    private static void send(ServerRequest req, ServerResponse res, String type, String cache, Optional<String> body) {
        sendBytes(req, res, type, cache, body.map(text -> text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void sendBytes(ServerRequest req, ServerResponse res, String type, String cache, Optional<byte[]> body) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        if (body.isEmpty()) {
            res.status(Status.NOT_FOUND_404).header(HeaderNames.CACHE_CONTROL, "no-store")
                    .header(HeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8").send("not found\n");
            return;
        }
        String etag = etag(body.get());
        res.header(HeaderNames.CACHE_CONTROL, cache).header(HeaderNames.ETAG, etag)
                .header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag");
        boolean unchanged = req.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(value -> value.equals("*") || java.util.Arrays.stream(value.split(","))
                        .map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals))
                .orElse(false);
        if (unchanged) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, type).send(body.get());
    }

    /** A strong ETag: the first 16 bytes of the body's SHA-256, base64url. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
