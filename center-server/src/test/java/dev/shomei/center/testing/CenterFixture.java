package dev.shomei.center.testing;

import dev.shomei.card.sim.CardFactory;
import dev.shomei.center.CenterServer;
import dev.shomei.center.CenterSettings;
import dev.shomei.center.backend.HttpRecordBackend;
import dev.shomei.center.backend.MutualTls;
import dev.shomei.center.hours.ServiceCalendar;
import dev.shomei.center.issue.VerifierCardVerification;
import dev.shomei.center.render.PdfCertificateRenderer;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.pki.DevPki;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A whole center on loopback with real parts: line server, HTTPS backend client (mutual TLS) to a
 * {@link FakeBackendServer}, the card-reader's verifier, the PDF renderer, the console. Its clock
 * runs from noon Japan time today, so service hours never depend on when the test runs.
 */
public final class CenterFixture implements AutoCloseable {
    public static final CertificateFont FONT = CertificateFont.fromSystemProperty();

    public final DevPki pki;
    public final CardFactory cards;
    public final FakeBackendServer backend;
    public final CenterServer center;
    public final Path dir;

    private static final dev.shomei.center.issue.CardUseLimits MANY_USES = new dev.shomei.center.issue.CardUseLimits(
            1_000_000, java.time.Duration.ofHours(1), java.time.Duration.ofMinutes(10));

    public CenterFixture(Path dir, DevPki pki, CardFactory cards, FakeBackendServer backend,
            UnaryOperator<CenterSettings> tweak) {
        this.dir = dir;
        this.pki = pki;
        this.cards = cards;
        this.backend = backend;
        // the console's registered-PC check has its own test (ConsoleClientCertificateIT); these reach it as any browser
        // one test card issues many times here; the per-card limit has its own test (KioskIssuanceTest)
        CenterSettings settings = tweak.apply(CenterSettings.defaults().withPorts(0, 0).withBackend(backend.uri())
                .withConsoleClientCertificates(false).withCardUse(MANY_USES));
        var client = pki.centerClient();
        HttpRecordBackend http = new HttpRecordBackend(settings.backend(),
                MutualTls.context(client.privateKey(), List.of(client.certificate()), List.of(pki.rootCaCertificate())));
        CenterServer.Parts parts = new CenterServer.Parts(http, new VerifierCardVerification(cards.trustedKeys()),
                new PdfCertificateRenderer(FONT), noonInJapan());
        center = CenterServer.start(settings, dir, pki, parts);
        for (String id : List.of("K0001", "K0002", "K0003", "K0004")) {
            center.registry().register(id, "Store " + id.substring(4));
        }
    }

    /** The system clock moved so that now is 12:00 in Japan today. */
    public static Clock noonInJapan() {
        var noon = LocalDate.now(ServiceRules.ZONE).atTime(LocalTime.NOON).atZone(ServiceRules.ZONE).toInstant();
        return Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), noon));
    }

    public SslContext kioskTls(String terminalId) {
        return LineTls.clientContext(pki.terminal(terminalId), pki.rootCaPem());
    }

    public LineClient connect(String terminalId) {
        return LineClient.connect("127.0.0.1", center.linePort(), kioskTls(terminalId), LineSettings.client(),
                Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        center.close();
    }
}
