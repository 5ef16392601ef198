package dev.shomei.kiosk.testing;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.center.CenterServer;
import dev.shomei.center.CenterSettings;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.RecordStore;
import dev.shomei.record.api.BackendServer;
import dev.shomei.record.domain.Issuance;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.importer.ImportedResident;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.IssuanceRepository;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The real system behind a kiosk, in this JVM on loopback: the record backend (SQLite, mutual-TLS
 * API, dev issuer keys) with residents, and a certificate center (line server, card verification,
 * PDF rendering) that talks to it over mutual TLS; terminals K0001..K0004 registered. The center's
 * (and the kiosks') clock runs from noon Japan time today, so service hours never depend on when the
 * test runs; the backend keeps real time, so the certificates it signs are valid now.
 *
 * <p>The residents get unusual, random names and fresh My Numbers, so a leftover scan can look for
 * exactly them. The backend's own storage (it is the system of record) lives under
 * {@link #backendDir}; the center's configuration under {@link #centerDir}.
 */
public final class RealStack implements AutoCloseable {
    public static final String BUNKYO = "131059";
    /** A built-in ward that does not take part in kiosk issuance. */
    public static final String CHIYODA_NOT_PARTICIPATING = "131016";
    private static final String RARE_KANJI = "鴎鷲鵯鶫鷦鷯鴫鵜鶺鴒鸛鵲鷭鶲";

    /** A resident with a card. */
    public record Person(String name, String myNumberDigits, LocalDate birthDate, boolean passport) {
        @Override
        public String toString() {
            return "Person[(test resident)]";
        }
    }

    public final DevPki pki;
    public final Clock clock;
    public final Path backendDir;
    public final Path centerDir;
    private final RecordStore store;
    private final BackendServer backend;
    private final CenterServer center;
    private final CardFactory cards;
    private final RandomGenerator random = new SecureRandom();

    public RealStack(Path pkiDir, Path backendDir, Path centerDir) throws Exception {
        this.pki = DevPki.ensure(pkiDir);
        DevPki.DEMO_TERMINALS.forEach(pki::terminal); // as ./shomei pki does: the kiosk's main only reads its certificate
        this.backendDir = Files.createDirectories(backendDir);
        this.centerDir = Files.createDirectories(centerDir);
        this.clock = noonInJapan();
        store = RecordStore.open("jdbc:sqlite:" + backendDir.resolve("records.db").toAbsolutePath(),
                backendDir.resolve("master.key"));
        BuiltInMunicipalities.all().forEach(m -> store.ensureMunicipality(m, "OPERATOR", "kiosk-it"));
        backend = BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                Duration.ofMinutes(1)), store, IssuerKeySources.dev(pki, "https://127.0.0.1/issuer"), Clock.systemUTC());
        CenterSettings settings = CenterSettings.defaults().withPorts(0, 0)
                .withBackend(URI.create("https://127.0.0.1:" + backend.apiPort()))
                .withCardTrust(dev.shomei.card.data.TrustedCardKeys.Profile.DEV) // the demo's trust: virtual cards
                .withCardUse(new dev.shomei.center.issue.CardUseLimits(100_000, Duration.ofHours(1),
                        Duration.ofMinutes(10))); // one test card issues many times here
        CenterServer.Parts real = CenterServer.Parts.real(settings, pki);
        center = CenterServer.start(settings, centerDir, pki,
                new CenterServer.Parts(real.backend(), real.cards(), real.renderer(), clock));
        for (String id : List.of("K0001", "K0002", "K0003", "K0004")) {
            center.registry().register(id, "Store " + id.substring(4));
        }
        cards = new CardFactory(pki.jlisDevKey(), KeyId.parse(DevPki.JLIS_DEV_KEY_ID));
    }

    /** The system clock moved so that now is 12:00 in Japan today (and ticking). */
    public static Clock noonInJapan() {
        var noon = LocalDate.now(ServiceRules.ZONE).atTime(LocalTime.NOON).atZone(ServiceRules.ZONE).toInstant();
        return Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), noon));
    }

    public int linePort() {
        return center.linePort();
    }

    public SslContext kioskTls(String terminalId) {
        return LineTls.clientContext(pki.terminal(terminalId), pki.rootCaPem());
    }

    /** A Bunkyo resident with three doses (and passport data when {@code passport}), not yet with a card. */
    public Person addResident(boolean passport) {
        String family = rareName(2);
        String given = rareName(2);
        Person person = new Person(family + "\u3000" + given, MyNumber.generate(random).reveal(), LocalDate.of(1972, 3, 14),
                passport);
        Resident resident = new Resident(Ids.random(), MunicipalityCode.of(BUNKYO), "IT-" + Ids.random().substring(0, 8),
                ResidentStatus.ACTIVE, new PersonName(family, given), new PersonName("テスト", "ジュウミン"),
                passport ? new PersonName("KENSA", "JUMIN") : null, person.birthDate(), "2",
                "東京都文京区春日一丁目１６番２１号", passport ? "JPN" : null, passport ? "TZ7654321" : null, false);
        List<Vaccination> doses = List.of(
                new Vaccination(Ids.random(), 1, LocalDate.of(2021, 6, 1), "comirnaty", "ファイザー社", "FA5765", null),
                new Vaccination(Ids.random(), 2, LocalDate.of(2021, 6, 22), "comirnaty", "ファイザー社", "FC3661", null),
                new Vaccination(Ids.random(), 3, LocalDate.of(2022, 1, 15), "spikevax", "モデルナ社", "3003322", null));
        ResidentImporter importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
        ImportedResident imported = new ImportedResident(0, resident,
                dev.shomei.record.domain.MyNumber.of(person.myNumberDigits()), doses);
        store.database().write(tx -> importer.write(tx, MunicipalityCode.of(BUNKYO), List.of(imported), false));
        return person;
    }

    /** The person's card file (signed by the dev J-LIS key) with {@code triesLeft}, written to {@code file}. */
    public Path cardFile(Person person, String pin, int triesLeft, Path file) throws Exception {
        CardPerson holder = new CardPerson(MyNumber.parse(person.myNumberDigits()), person.name(), null, "東京都文京区春日一丁目１６番２１号",
                person.birthDate(), Sex.FEMALE);
        VirtualCardFile card = cards.personalise(holder, pin, triesLeft);
        Files.createDirectories(file.getParent());
        card.write(file);
        return file;
    }

    /** The backend's record of a transaction, if any. */
    public Optional<Issuance> issuance(String transactionId) {
        return store.database().read(tx -> new IssuanceRepository().findByTransaction(tx, MunicipalityCode.of(BUNKYO),
                transactionId));
    }

    /** Waits until the backend has the transaction in {@code status}. */
    public Issuance awaitStatus(String transactionId, IssuanceStatus status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Issuance> issuance = Optional.empty();
        while (System.nanoTime() < deadline) {
            issuance = issuance(transactionId);
            if (issuance.isPresent() && issuance.get().status() == status) {
                return issuance.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("transaction " + transactionId + " is " + issuance.map(Issuance::status).orElse(null)
                + ", not " + status + ", after " + timeout);
    }

    private String rareName(int length) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append(RARE_KANJI.charAt(random.nextInt(RARE_KANJI.length())));
        }
        return name.toString();
    }

    @Override
    public void close() {
        center.close();
        backend.close();
        store.close();
    }
}
