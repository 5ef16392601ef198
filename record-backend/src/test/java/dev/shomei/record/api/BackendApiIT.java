package dev.shomei.record.api;

import static dev.shomei.record.testing.TestData.BUNKYO;
import static dev.shomei.record.testing.TestData.SHINJUKU;
import static dev.shomei.record.testing.TestData.TAKATSUKASA_MY_NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.ApiError;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.testing.TlsClients;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over real sockets: mutual TLS with the pinned center certificate, JSON in and out. */
class BackendApiIT {
    @TempDir
    static Path temp;
    static DevPki pki;
    static RecordStore store;
    static BackendServer server;
    static HttpClient center;
    static String api;
    static String console;

    @BeforeAll
    static void start() throws Exception {
        pki = DevPki.ensure(temp.resolve("pki"));
        store = RecordStore.open("jdbc:sqlite:" + temp.resolve("records.db"), temp.resolve("keys.p12"));
        BuiltInMunicipalities.all().forEach(m -> store.ensureMunicipality(m, "OPERATOR", "test"));
        store.database().write(tx -> {
            TenantCipher tenant = store.keyring().cipher(tx, BUNKYO);
            var resident = TestData.takatsukasa(BUNKYO);
            new ResidentRepository().insert(tx, tenant, resident, TAKATSUKASA_MY_NUMBER);
            new VaccinationRepository().insertAll(tx, tenant, resident.id(), TestData.doses(3));
            return null;
        });
        IssuerKeys keys = IssuerKeySources.dev(pki, "https://127.0.0.1:8411");
        server = BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                Duration.ofMinutes(10)), store, keys, Clock.systemUTC());
        center = TlsClients.client(pki.centerClient(), pki.rootCaCertificate());
        api = "https://127.0.0.1:" + server.apiPort();
        console = "https://127.0.0.1:" + server.consolePort();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static String issueJson(String transaction, String municipality, String type) {
        return BackendJson.writeString(TestData.request(transaction, dev.shomei.record.domain.MunicipalityCode.of(municipality),
                TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.valueOf(type)));
    }

    @Test
    void theCenterIssuesAndGetsTheSameAnswerOnRetry() throws Exception {
        HttpResponse<String> first = TlsClients.post(center, api + BackendApi.ISSUANCES, issueJson("api-1", "131059", "OVERSEAS"));
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""));
        IssuanceResponse issued = BackendJson.read(first.body(), IssuanceResponse.class);
        HttpResponse<String> again = TlsClients.post(center, api + BackendApi.ISSUANCES, issueJson("api-1", "131059", "OVERSEAS"));
        assertEquals(issued.certificateId(), BackendJson.read(again.body(), IssuanceResponse.class).certificateId());
        assertTrue(issued.certificate().vdsNc().contains("\"uvci\":\"" + issued.certificateId() + "\""));

        HttpResponse<String> jwks = TlsClients.get(TlsClients.client(null, pki.rootCaCertificate()), console + BackendApi.JWKS);
        new SmartHealthCardVerifier(Jwks.parse(jwks.body())).verify(issued.certificate().smartHealthCard());

        HttpResponse<String> printed = TlsClients.post(center, api + BackendApi.ISSUANCE_STATUS,
                BackendJson.writeString(new StatusUpdate("131059", "api-1", IssuanceStatus.PRINTED, null)));
        assertEquals(IssuanceStatus.PRINTED, BackendJson.read(printed.body(), StatusResponse.class).status());

        String metrics = TlsClients.get(TlsClients.client(null, pki.rootCaCertificate()), console + "/observe/metrics").body();
        java.util.regex.Matcher outcomeTimes = java.util.regex.Pattern
                .compile("(?m)^shomei_backend_outcome_latency\\S*_count(\\{[^}]*})? ([0-9.]+)$").matcher(metrics);
        assertTrue(outcomeTimes.find(), metrics);
        assertTrue(Double.parseDouble(outcomeTimes.group(2)) >= 1, "the report's time was recorded: " + outcomeTimes.group());
        for (String timer : new String[] {"wait", "held"}) {
            java.util.regex.Matcher writerTimes = java.util.regex.Pattern.compile("(?m)^shomei_backend_db_connection_"
                    + timer + "\\S*_count\\{[^}]*pool=\"shomei-sqlite-writer\"[^}]*} ([0-9.]+)$").matcher(metrics);
            assertTrue(writerTimes.find(), "the writer connection's " + timer + " time is published: " + metrics);
            assertTrue(Double.parseDouble(writerTimes.group(1)) >= 2, "the issue and the report each took the writer: "
                    + writerTimes.group());
        }
    }

    @Test
    void refusalsComeBackAsApiErrorsWithTheirStatus() throws Exception {
        HttpResponse<String> wrongMunicipality = TlsClients.post(center, api + BackendApi.ISSUANCES,
                issueJson("api-2", SHINJUKU.value(), "DOMESTIC"));
        assertEquals(422, wrongMunicipality.statusCode());
        ApiError error = BackendJson.read(wrongMunicipality.body(), ApiError.class);
        assertEquals("NO_RECORD", error.code());
        assertEquals(8, error.wireValue());
        assertFalse(wrongMunicipality.body().contains(TAKATSUKASA_MY_NUMBER.digits()));

        HttpResponse<String> garbage = TlsClients.post(center, api + BackendApi.ISSUANCES, "{\"transactionId\": [1,2");
        assertEquals(400, garbage.statusCode());
        assertEquals("INVALID_REQUEST", BackendJson.read(garbage.body(), ApiError.class).code());

        // refused on its Content-Length alone; with 100-continue the client hears it before sending the body
        // (without, the server may close the connection while the client still sends: an IOException, not 413)
        HttpResponse<String> huge = TlsClients.postExpectingContinue(center, api + BackendApi.ISSUANCES,
                "{\"x\":\"" + "a".repeat(40_000) + "\"}");
        assertEquals(413, huge.statusCode());

        HttpResponse<String> unknown = TlsClients.post(center, api + BackendApi.ISSUANCE_STATUS,
                BackendJson.writeString(new StatusUpdate("131059", "no-such", IssuanceStatus.PRINTED, null)));
        assertEquals(422, unknown.statusCode());
    }

    @Test
    void listsMunicipalitiesAndUnconfirmedIssuances() throws Exception {
        MunicipalityList list = BackendJson.read(TlsClients.get(center, api + BackendApi.MUNICIPALITIES).body(), MunicipalityList.class);
        assertEquals(BuiltInMunicipalities.all().size(), list.municipalities().size());
        var bunkyo = list.municipalities().stream().filter(m -> m.code().equals("131059")).findFirst().orElseThrow();
        assertEquals("Mayor of Bunkyo City", bunkyo.mayorTitleEn());
        assertEquals("06:30", bunkyo.opensAt());

        TlsClients.post(center, api + BackendApi.ISSUANCES, issueJson("api-unconfirmed", "131059", "DOMESTIC"));
        UnconfirmedIssuances unconfirmed = BackendJson.read(TlsClients.get(center, api + BackendApi.UNCONFIRMED
                + "?olderThanSeconds=0").body(), UnconfirmedIssuances.class);
        assertTrue(unconfirmed.issuances().stream().anyMatch(e -> e.transactionId().equals("api-unconfirmed")));
        assertEquals(400, TlsClients.get(center, api + BackendApi.UNCONFIRMED + "?olderThanSeconds=soon").statusCode());
    }

    @Test
    void findsTheMunicipalityOfATransactionWhateverItsStatus() throws Exception {
        TlsClients.post(center, api + BackendApi.ISSUANCES, issueJson("api-lookup", "131059", "DOMESTIC"));
        TlsClients.post(center, api + BackendApi.ISSUANCE_STATUS,
                BackendJson.writeString(new StatusUpdate("131059", "api-lookup", IssuanceStatus.VOIDED, "NO_OUTCOME")));

        HttpResponse<String> voided = TlsClients.get(center, api + BackendApi.ISSUANCES + "?transactionId=api-lookup");
        assertEquals(200, voided.statusCode(), voided.body());
        assertEquals(List.of(new TransactionIssuances.Entry("131059", "api-lookup", IssuanceStatus.VOIDED)),
                BackendJson.read(voided.body(), TransactionIssuances.class).issuances());
        assertFalse(voided.body().contains(TAKATSUKASA_MY_NUMBER.digits()));

        TlsClients.post(center, api + BackendApi.ISSUANCE_STATUS,
                BackendJson.writeString(new StatusUpdate("131059", "api-lookup", IssuanceStatus.PRINTED, null)));
        assertEquals(IssuanceStatus.PRINTED, BackendJson.read(TlsClients.get(center, api + BackendApi.ISSUANCES
                + "?transactionId=api-lookup").body(), TransactionIssuances.class).issuances().get(0).status());

        assertEquals(List.of(), BackendJson.read(TlsClients.get(center, api + BackendApi.ISSUANCES
                + "?transactionId=never-issued").body(), TransactionIssuances.class).issuances());
        assertEquals(400, TlsClients.get(center, api + BackendApi.ISSUANCES).statusCode());
        assertEquals(400, TlsClients.get(center, api + BackendApi.ISSUANCES + "?transactionId=a%20b").statusCode());
    }

    @Test
    void fiftyConcurrentHttpIssueCallsGiveOneIssuancePerTransaction() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Future<IssuanceResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String transaction = "http-" + (i % 20);
                calls.add(pool.submit(() -> BackendJson.read(TlsClients.post(center, api + BackendApi.ISSUANCES,
                        issueJson(transaction, "131059", "DOMESTIC")).body(), IssuanceResponse.class)));
            }
            java.util.Map<String, Set<String>> byTransaction = new java.util.HashMap<>();
            for (Future<IssuanceResponse> call : calls) {
                IssuanceResponse response = call.get();
                byTransaction.computeIfAbsent(response.transactionId(), t -> new HashSet<>()).add(response.certificateId());
            }
            assertEquals(20, byTransaction.size());
            byTransaction.values().forEach(ids -> assertEquals(1, ids.size()));
            assertEquals(20L, (long) store.database().read(tx -> tx.queryLong(
                    "SELECT count(*) FROM issuance WHERE transaction_id LIKE 'http-%'")));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyTheCentersCertificateIsAccepted() throws Exception {
        HttpClient kiosk = TlsClients.client(pki.terminal("KIOSK-0001"), pki.rootCaCertificate());
        assertThrows(IOException.class, () -> TlsClients.get(kiosk, api + BackendApi.MUNICIPALITIES));
        HttpClient anonymous = TlsClients.client(null, pki.rootCaCertificate());
        assertThrows(IOException.class, () -> TlsClients.get(anonymous, api + BackendApi.MUNICIPALITIES));
        DevPki other = DevPki.ensure(temp.resolve("other-pki"));
        HttpClient foreign = TlsClients.client(other.centerClient(), pki.rootCaCertificate());
        assertThrows(IOException.class, () -> TlsClients.get(foreign, api + BackendApi.MUNICIPALITIES));
        assertEquals(200, TlsClients.get(center, api + BackendApi.MUNICIPALITIES).statusCode());
    }

    @Test
    void theConsolePortServesJwksWithCorsAndHealthWithoutLogin() throws Exception {
        HttpClient browser = TlsClients.client(null, pki.rootCaCertificate());
        HttpResponse<String> jwks = TlsClients.get(browser, console + BackendApi.JWKS);
        assertEquals(200, jwks.statusCode());
        assertEquals("*", jwks.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        Jwks parsed = Jwks.parse(jwks.body());
        assertEquals(1, parsed.keys().size());
        assertFalse(jwks.body().contains("\"d\""), "no private key material");
        HttpResponse<String> health = TlsClients.get(browser, console + BackendApi.HEALTH);
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"database\""), health.body());
        HttpResponse<String> metrics = TlsClients.get(browser, console + "/observe/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("shomei_backend_issue"), "metrics listed");
        assertEquals(404, TlsClients.get(browser, console + BackendApi.MUNICIPALITIES).statusCode(),
                "the API is not reachable on the console port");
    }
}
