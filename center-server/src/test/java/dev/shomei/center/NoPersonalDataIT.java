package dev.shomei.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.center.testing.CenterFixture;
import dev.shomei.center.testing.FakeBackend;
import dev.shomei.center.testing.FakeBackendServer;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.center.testing.Https;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.MunicipalityListRequest;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.VoidReason;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.protocol.pki.DevPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a run of issuances (domestic, overseas, voided, reconciled, refused), the center's state
 * directory, everything it logged at the most verbose level, its metrics and console answers, and
 * new files in the temp directory hold none of the residents' names, addresses, My Numbers,
 * passport numbers or Roman names.
 */
class NoPersonalDataIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path pkiDir;
    @TempDir
    Path state;

    /** Names nobody else in the build uses, so a hit can only come from this test's residents. */
    private record Resident(CardPerson card, String family, String given, Passport passport) {
    }

    @Test
    void theCenterKeepsNothingPersonal() throws Exception {
        Instant started = Instant.now();
        DevPki pki = DevPki.ensure(pkiDir);
        CardFactory cards = CardFactory.inMemory();
        Random random = new Random(61);
        List<Resident> residents = List.of(
                resident(random, "蟹江", "弐郎子", "東京都文京区蟹江町二丁目９番", LocalDate.of(1961, 1, 2), "KANIE", "JIROKO", "TK0000001"),
                resident(random, "鰐淵", "参太郎", "東京都文京区鰐淵台三丁目８番", LocalDate.of(1972, 3, 4), "WANIBUCHI", "SANTARO", "TK0000002"),
                resident(random, "鷲頭", "肆子", "東京都文京区鷲頭坂四丁目７番", LocalDate.of(1983, 5, 6), "WASHIZU", "SHIKO", "TK0000003"));
        Resident stranger = resident(random, "鯱鉾", "伍郎", "東京都文京区鯱鉾町五丁目６番", LocalDate.of(1994, 7, 8),
                "SHACHIHOKO", "GORO", "TK0000004");

        FakeBackend fake = new FakeBackend(pki, Clock.systemUTC());
        for (Resident r : residents) {
            fake.addResident(r.card(), FakeMunicipalities.BUNKYO, r.family(), r.given(), r.passport());
        }
        Path centerDir = state.resolve("center");
        CenterMain.firstRun(centerDir);
        StringBuilder logs = new StringBuilder();
        Handler capture = captureLogs(logs);
        StringBuilder answers = new StringBuilder();
        try (FakeBackendServer backend = new FakeBackendServer(pki, fake);
             CenterFixture fixture = new CenterFixture(centerDir, pki, cards, backend,
                     s -> s.withTimers(s.heartbeatGap(), Duration.ZERO, Duration.ofHours(1), s.streamInterval()))) {
            try (LineClient kiosk = fixture.connect("K0001")) {
                assertInstanceOf(Ack.class, kiosk.request(new Hello("K0001", "2.1.0"), WAIT));
                kiosk.request(new Heartbeat(TerminalState.IN_SERVICE, 50, 50, DeviceStatus.OK, DeviceStatus.OK,
                        DeviceStatus.OK, 1, 0, 0, Instant.now()), WAIT);
                kiosk.request(new MunicipalityListRequest(), WAIT);
                int n = 0;
                for (Resident r : residents) {
                    String domestic = "tx-d" + n;
                    IssueResponse d = assertInstanceOf(IssueResponse.class,
                            kiosk.request(issue(domestic, CertificateType.DOMESTIC, 1, cards.files(r.card())), WAIT));
                    assertTrue(d.summary().name().contains(r.family()), "the kiosk does get the name to show");
                    kiosk.request(PrintOutcome.printed(domestic), WAIT);
                    String overseas = "tx-o" + n;
                    assertInstanceOf(IssueResponse.class,
                            kiosk.request(issue(overseas, CertificateType.OVERSEAS, 2, cards.files(r.card())), WAIT));
                    kiosk.request(PrintOutcome.voided(overseas, VoidReason.PRINTER_FAILED), WAIT);
                    n++;
                }
                assertInstanceOf(IssueResponse.class, kiosk.request(issue("tx-lost", CertificateType.DOMESTIC, 1,
                        cards.files(residents.get(0).card())), WAIT));
                assertEquals(ErrorCode.NO_RECORD, assertInstanceOf(Refusal.class, kiosk.request(
                        issue("tx-nobody", CertificateType.DOMESTIC, 1, cards.files(stranger.card())), WAIT)).code());
                CardFiles tampered = cards.files(stranger.card());
                tampered.ef0002()[tampered.ef0002().length - 4] ^= 1;
                assertEquals(ErrorCode.CARD_DATA_INVALID, assertInstanceOf(Refusal.class,
                        kiosk.request(issue("tx-bad", CertificateType.DOMESTIC, 1, tampered), WAIT)).code());
            }
            assertEquals(1, fixture.center.reconciler().reconcile(), "tx-lost had no outcome");
            assertEquals("VOIDED", fake.status("tx-lost"));
            answers.append(consoleAnswers(fixture, centerDir));
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }

        List<String> secrets = new ArrayList<>();
        for (Resident r : List.of(residents.get(0), residents.get(1), residents.get(2), stranger)) {
            secrets.add(r.family());
            secrets.add(r.given());
            secrets.add(r.card().name());
            secrets.add(r.card().address());
            secrets.add(r.card().myNumber().reveal());
            secrets.add(r.passport().number());
            secrets.add(r.passport().romanName());
            secrets.add(r.passport().surname());
        }
        assertTrue(logs.length() > 1000, "the capture saw the center's logs");
        assertTrue(logs.toString().contains("tx-d0") && logs.toString().contains("K0001"), "ids are logged");
        assertClean("the center's logs", logs.toString(), secrets);
        assertClean("console and metrics answers", answers.toString(), secrets);

        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(state)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                scanned.add(file);
                assertClean(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8), secrets);
            }
        }
        assertTrue(scanned.stream().anyMatch(f -> f.endsWith("terminals.json")), "scanned the configuration: " + scanned);
        assertTrue(scanned.stream().anyMatch(f -> f.endsWith("operators.json")));
        for (Path file : filesChangedSince(Path.of(System.getProperty("java.io.tmpdir")), started)) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                continue; // another process's file, gone or locked meanwhile
            }
            assertClean(file.toString(), new String(content, StandardCharsets.UTF_8), secrets);
        }
    }

    private static Resident resident(Random random, String family, String given, String address, LocalDate birth,
            String surname, String roman, String passportNumber) {
        CardPerson card = new CardPerson(MyNumber.generate(random), family + "\u3000" + given, "", address, birth, Sex.FEMALE);
        return new Resident(card, family, given, new Passport(surname, roman, "JPN", passportNumber));
    }

    private static IssueRequest issue(String txid, CertificateType type, int copies, CardFiles files) {
        return new IssueRequest(txid, FakeMunicipalities.BUNKYO, type, copies, Language.EN,
                files.ef0001(), files.ef0002(), files.ef0003(), files.ef0004());
    }

    private static void assertClean(String where, String text, List<String> secrets) {
        for (String secret : secrets) {
            assertTrue(!text.contains(secret), where + " contains personal data (" + secret.length() + " characters)");
        }
    }

    private static Handler captureLogs(StringBuilder sink) {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.ALL);
        Logger.getLogger("dev.shomei").setLevel(Level.ALL);
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (sink) {
                    sink.append(formatter.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        return handler;
    }

    /** Logs in with the demo admin login that first run wrote, and reads every console answer. */
    private static String consoleAnswers(CenterFixture fixture, Path centerDir) throws Exception {
        String logins = Files.readString(centerDir.resolve("demo-logins.txt"));
        Matcher admin = Pattern.compile("admin .*password: (\\S+)\\s+TOTP secret: (\\S+)").matcher(logins);
        assertTrue(admin.find(), "demo-logins.txt names the admin login");
        Https http = new Https(fixture.pki, fixture.center.consolePort());
        String body = new ObjectMapper().writeValueAsString(Map.of("username", "admin", "password", admin.group(1),
                "code", Totp.standard().code(Base32.decodeAllowingHyphens(admin.group(2)), Instant.now())));
        var login = http.post("/api/login", body);
        assertEquals(200, login.statusCode(), login.body());
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/api/board", "/api/counts", "/api/reconciled", "/api/municipalities",
                "/api/maintenance", "/observe/metrics", "/observe/health")) {
            var response = http.get(path);
            assertEquals(200, response.statusCode(), path);
            all.append(response.body());
        }
        assertTrue(all.toString().contains("tx-lost"), "the reconciled issuance is on the console");
        assertTrue(all.toString().contains("shomei_center_issue_requests_total{result=\"ISSUED\"} 7"), all.toString());
        return all.toString();
    }

    private static List<Path> filesChangedSince(Path dir, Instant since) throws IOException {
        List<Path> changed = new ArrayList<>();
        Files.walkFileTree(dir, java.util.Set.of(), 6, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && attributes.size() < 20_000_000
                        && attributes.lastModifiedTime().toInstant().isAfter(since) && Files.isReadable(file)) {
                    changed.add(file);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return changed;
    }
}
