package dev.shomei.center.testing;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.ApiError;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@link FakeBackend} behind the real API shape: HTTPS on 127.0.0.1 requiring a client
 * certificate from the dev CA, JSON bodies, error codes as {@link ApiError}. A test can make it slow.
 */
public final class FakeBackendServer implements AutoCloseable {
    public final FakeBackend backend;
    /** Added before every answer. */
    public final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    /** Raw request bodies of issue calls, in arrival order. */
    public final List<String> issueBodies = new CopyOnWriteArrayList<>();
    private final WebServer server;

    public FakeBackendServer(DevPki pki, FakeBackend backend) {
        this(pki, backend, pki.backendServer());
    }

    public FakeBackendServer(DevPki pki, FakeBackend backend, TlsIdentity identity) {
        this.backend = backend;
        Tls tls = Tls.builder()
                .privateKey(identity.privateKey())
                .privateKeyCertChain(List.of(identity.certificate()))
                .trust(List.of(pki.rootCaCertificate()))
                .clientAuth(TlsClientAuth.REQUIRED)
                .enabledProtocols(List.of("TLSv1.3"))
                .build();
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .tls(tls)
                .featuresDiscoverServices(false)
                .routing(routing -> routing
                        .get(BackendApi.MUNICIPALITIES, (req, res) -> answer(res, backend::municipalities))
                        .post(BackendApi.ISSUANCE_STATUS, (req, res) -> {
                            StatusUpdate update = BackendJson.read(req.content().as(byte[].class), StatusUpdate.class);
                            answer(res, () -> backend.updateStatus(update));
                        })
                        .post(BackendApi.ISSUANCES, (req, res) -> {
                            byte[] body = req.content().as(byte[].class);
                            issueBodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                            IssuanceRequest request = BackendJson.read(body, IssuanceRequest.class);
                            answer(res, () -> backend.issue(request));
                        })
                        .get(BackendApi.ISSUANCES, (req, res) -> answer(res,
                                () -> backend.byTransaction(req.query().get(BackendApi.TRANSACTION_PARAMETER))))
                        .get(BackendApi.UNCONFIRMED, (req, res) -> {
                            long seconds = Long.parseLong(req.query().get("olderThanSeconds"));
                            answer(res, () -> backend.unconfirmed(Duration.ofSeconds(seconds)));
                        }))
                .build()
                .start();
    }

    private void answer(ServerResponse res, Supplier<Object> call) {
        try {
            Thread.sleep(delay.get().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            res.status(503).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        try {
            res.send(BackendJson.write(call.get()));
        } catch (ShomeiException e) {
            ErrorCode code = e.code();
            res.status(BackendApi.httpStatus(code));
            res.send(BackendJson.write(ApiError.of(code, "refused")));
        }
    }

    public URI uri() {
        return URI.create("https://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
