package dev.shomei.center.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.center.testing.FakeBackend;
import dev.shomei.center.testing.FakeBackendServer;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.CardHolder;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.pki.DevPki;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend client against a real HTTPS server with mutual TLS: timeouts, retries, refusals, trust. */
class HttpRecordBackendIT {
    @TempDir
    static Path pkiDir;
    @TempDir
    static Path foreignPkiDir;
    static DevPki pki;
    static CardPerson person;

    FakeBackendServer server;

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
        person = new CardPerson(MyNumber.generate(new Random(11)), "文京\u3000一郎", "", "東京都文京区",
                LocalDate.of(1970, 7, 7), Sex.MALE);
    }

    @BeforeEach
    void start() {
        FakeBackend backend = new FakeBackend(pki, Clock.systemUTC());
        backend.addResident(person, FakeMunicipalities.BUNKYO, "文京", "一郎", null);
        server = new FakeBackendServer(pki, backend);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpRecordBackend client(URI uri, Duration attemptTimeout, int attempts, Duration deadline) {
        var identity = pki.centerClient();
        return new HttpRecordBackend(new BackendClientSettings(uri, attemptTimeout, attempts, Duration.ofMillis(50), deadline),
                MutualTls.context(identity.privateKey(), List.of(identity.certificate()), List.of(pki.rootCaCertificate())));
    }

    private static IssuanceRequest issue(String txid) {
        return new IssuanceRequest(txid, FakeMunicipalities.BUNKYO, person.myNumber().reveal(),
                new CardHolder(person.name(), person.address(), person.birthDate().toString(), "1"),
                CertificateType.DOMESTIC, 1, "K0001");
    }

    @Test
    void issuesOverMutualTls() {
        HttpRecordBackend backend = client(server.uri(), Duration.ofSeconds(5), 3, Duration.ofSeconds(10));
        assertEquals(3, backend.municipalities().municipalities().size());
        IssuanceResponse response = backend.issue(issue("tx-a"));
        assertEquals(IssuanceStatus.ISSUED, response.status());
        assertEquals("tx-a", response.transactionId());
        assertEquals(1, backend.unconfirmed(Duration.ZERO).issuances().size());
        assertEquals(List.of(new TransactionIssuances.Entry(response.municipalityCode(), "tx-a", IssuanceStatus.ISSUED)),
                backend.byTransaction("tx-a").issuances());
        assertEquals(List.of(), backend.byTransaction("tx-unknown").issuances());
    }

    @Test
    void aSlowBackendIsUnavailableWithinTheDeadlineAndRetriesReuseTheTransactionId() {
        server.delay.set(Duration.ofSeconds(3));
        HttpRecordBackend backend = client(server.uri(), Duration.ofMillis(400), 3, Duration.ofMillis(1500));
        long started = System.nanoTime();
        ShomeiException e = assertThrows(ShomeiException.class, () -> backend.issue(issue("tx-slow")));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, e.code());
        assertTrue(took.compareTo(Duration.ofMillis(1500 + 1000)) < 0, "bounded by the deadline, took " + took);
        assertTrue(server.issueBodies.size() >= 2, "retried: " + server.issueBodies.size());
        assertTrue(server.issueBodies.stream().allMatch(body -> body.contains("\"transactionId\":\"tx-slow\"")),
                "every attempt carries the same transaction id");
        assertEquals(1, server.issueBodies.stream().distinct().count(), "and the same body");
    }

    @Test
    void aSlowButInTimeBackendAnswers() {
        HttpRecordBackend backend = client(server.uri(), Duration.ofSeconds(6), 3, Duration.ofSeconds(15));
        assertEquals(3, backend.municipalities().municipalities().size()); // the connection is up and warm
        server.delay.set(Duration.ofSeconds(1));
        assertEquals(IssuanceStatus.ISSUED, backend.issue(issue("tx-late")).status());
        assertEquals(1, server.issueBodies.size(), "answered on the first attempt");
    }

    @Test
    void aFailingBackendIsRetriedThenUnavailable() {
        server.backend.failure.set(ErrorCode.BACKEND_UNAVAILABLE);
        HttpRecordBackend backend = client(server.uri(), Duration.ofSeconds(2), 3, Duration.ofSeconds(10));
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, assertThrows(ShomeiException.class,
                () -> backend.issue(issue("tx-503"))).code());
        assertEquals(3, server.issueBodies.size());

        server.backend.failure.set(null);
        assertEquals(IssuanceStatus.ISSUED, backend.issue(issue("tx-503")).status(), "the same transaction goes through once it is back");
        assertEquals(1, server.backend.issuanceCount());
    }

    @Test
    void aRefusalIsPassedOnAndNeverRetried() {
        HttpRecordBackend backend = client(server.uri(), Duration.ofSeconds(2), 3, Duration.ofSeconds(10));
        IssuanceRequest wrongMunicipality = new IssuanceRequest("tx-nr", FakeMunicipalities.CHIYODA, person.myNumber().reveal(),
                new CardHolder(person.name(), person.address(), person.birthDate().toString(), "1"),
                CertificateType.DOMESTIC, 1, "K0001");
        assertEquals(ErrorCode.NO_RECORD, assertThrows(ShomeiException.class, () -> backend.issue(wrongMunicipality)).code());
        assertEquals(1, server.issueBodies.size());
    }

    @Test
    void aBackendThatIsNotListeningIsUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpRecordBackend backend = client(URI.create("https://127.0.0.1:" + port), Duration.ofMillis(500), 2,
                Duration.ofSeconds(2));
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, assertThrows(ShomeiException.class, backend::municipalities).code());
    }

    @Test
    void aBackendWithACertificateFromAnotherCaIsNeverTrusted() {
        DevPki foreign = DevPki.ensure(foreignPkiDir);
        try (FakeBackendServer impostor = new FakeBackendServer(pki, server.backend, foreign.backendServer())) {
            HttpRecordBackend backend = client(impostor.uri(), Duration.ofSeconds(1), 1, Duration.ofSeconds(2));
            assertEquals(ErrorCode.BACKEND_UNAVAILABLE, assertThrows(ShomeiException.class,
                    () -> backend.issue(issue("tx-imp"))).code());
            assertTrue(impostor.issueBodies.isEmpty(), "no My Number went to the impostor");
        }
    }
}
