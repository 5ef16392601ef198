package dev.shomei.record.console;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Database;
import dev.shomei.record.domain.Channel;
import dev.shomei.record.domain.Issuance;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.MutableClock;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.users.NewUser;
import dev.shomei.record.users.PasswordHasher;
import dev.shomei.record.users.Role;
import dev.shomei.record.users.Scope;
import dev.shomei.record.users.TotpSecrets;
import dev.shomei.record.users.UserAdministration;
import io.helidon.common.tls.Tls;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A record store with two municipalities (A = Bunkyo, B = Shinjuku), one recognisable resident
 * with doses and issuances in each, console users with known passwords and TOTP secrets, and the
 * console on its own HTTPS server (the dev PKI's backend certificate, port 0, 127.0.0.1). The
 * clock is the test's: {@link #code} moves it to a fresh TOTP step.
 */
public final class ConsoleFixture implements AutoCloseable {
    public static final MunicipalityCode A = TestData.BUNKYO;
    public static final MunicipalityCode B = TestData.SHINJUKU;
    public static final String PASSWORD = "Console-Test-Pass-1";
    /** Users: id -> base32 TOTP secret. */
    static final Map<String, String> SECRETS = Map.of(
            "clerk-a", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
            "supervisor-a", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU",
            "admin-a", "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK",
            "clerk-b", "ONSWG4TFOQQGK6DBNVYGYZJAONSWG4TF",
            "stats", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

    private final Map<String, String> extraSecrets = new java.util.HashMap<>();
    final Path dir;
    final DevPki pki;
    final String jdbcUrl;
    public final MutableClock clock = new MutableClock(Instant.now());
    public final RecordStore store;
    /** The dev issuer keys that sign window issuances (as the kiosk's). */
    public final IssuerKeys keys;
    final ClerkConsole console;
    public final WebServer server;
    final MyNumber myNumberA = TestData.TAKATSUKASA_MY_NUMBER;
    final MyNumber myNumberB = TestData.myNumber("55501234567");
    public final Resident residentA;
    final Resident residentB;
    final List<Vaccination> dosesA = TestData.doses(3);
    public final String certificateA = "13105AAAAAAA";
    final String certificateA2 = "13105BBBBBBB";
    final String certificateB = "13104CCCCCCC";

    public ConsoleFixture(Path dir, DevPki pki) {
        this(dir, pki, Database.defaultUrl(dir));
    }

    ConsoleFixture(Path dir, DevPki pki, String jdbcUrl) {
        this.dir = dir;
        this.pki = pki;
        this.jdbcUrl = jdbcUrl;
        store = RecordStore.open(jdbcUrl, MasterKeys.defaultFile(dir));
        store.ensureMunicipality(BuiltInMunicipalities.find(A).orElseThrow(), "OPERATOR", "test");
        store.ensureMunicipality(BuiltInMunicipalities.find(B).orElseThrow(), "OPERATOR", "test");
        residentA = TestData.takatsukasa(A);
        residentB = TestData.plain(B, "B-000001", LocalDate.of(1970, 3, 3));
        addResident(residentA, myNumberA, dosesA);
        addResident(residentB, myNumberB, TestData.doses(2));
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));
        addIssuance(A, residentA, certificateA, "TX-A-1", Channel.KIOSK, "KIOSK-0007", IssuanceStatus.PRINTED, yesterday);
        addIssuance(A, residentA, certificateA2, "TX-A-2", Channel.WINDOW, null, IssuanceStatus.ISSUED,
                yesterday.plusSeconds(60));
        addIssuance(B, residentB, certificateB, "TX-B-1", Channel.KIOSK, "KIOSK-0099", IssuanceStatus.PRINTED, yesterday);
        UserAdministration administration = new UserAdministration(store.database(), store.audit(),
                new PasswordHasher(new SecureRandom()), new SecureRandom(), clock);
        TotpSecrets secrets = new TotpSecrets(store.masterKeys());
        addUser(administration, secrets, "clerk-a", Role.CLERK, Scope.of(A));
        addUser(administration, secrets, "supervisor-a", Role.SUPERVISOR, Scope.of(A));
        addUser(administration, secrets, "admin-a", Role.ADMINISTRATOR, Scope.of(A));
        addUser(administration, secrets, "clerk-b", Role.CLERK, Scope.of(B));
        addUser(administration, secrets, "stats", Role.STATISTICS, Scope.NATIONAL);
        keys = IssuerKeySources.dev(pki, "https://127.0.0.1:8411");
        console = ClerkConsole.create(store, keys, clock, ConsoleSettings.defaults());
        TlsIdentity identity = pki.backendServer();
        Tls tls = Tls.builder().privateKey(identity.privateKey())
                .privateKeyCertChain(List.of(identity.certificate(), pki.rootCaCertificate()))
                .enabledProtocols(List.of("TLSv1.3")).build();
        server = WebServer.builder().host("127.0.0.1").port(0).tls(tls).maxPayloadSize(64 * 1024)
                .routing(console::routing).featuresDiscoverServices(false).shutdownHook(false).build().start();
    }

    private void addResident(Resident resident, MyNumber myNumber, List<Vaccination> doses) {
        store.database().write(tx -> {
            TenantCipher tenant = store.keyring().cipher(tx, resident.municipality());
            new ResidentRepository().insert(tx, tenant, resident, myNumber);
            new VaccinationRepository().insertAll(tx, tenant, resident.id(), doses);
            return null;
        });
    }

    void addIssuance(MunicipalityCode code, Resident resident, String certificateId, String transactionId, Channel channel,
                     String terminal, IssuanceStatus status, Instant at) {
        store.database().write(tx -> {
            TenantCipher tenant = store.keyring().cipher(tx, code);
            new IssuanceRepository().insert(tx, tenant, new Issuance(Ids.random(), code, certificateId, resident.id(),
                    CertificateType.DOMESTIC, channel, terminal, transactionId, 1, 120, at, status, at, null), null, "{}");
            return null;
        });
    }

    private void addUser(UserAdministration administration, TotpSecrets secrets, String id, Role role, Scope scope) {
        administration.createEnrolled(new NewUser(id, id + " (test)", role, scope, LocalDate.now().plusYears(1), false,
                null, null), PASSWORD.toCharArray(), Base32.decode(secret(id)), secrets, "test");
    }

    /** One more enrolled user with {@link #PASSWORD} and the given base32 TOTP secret ({@link #code} knows it). */
    public void addUser(String id, Role role, Scope scope, String base32Secret) {
        extraSecrets.put(id, base32Secret);
        addUser(new UserAdministration(store.database(), store.audit(), new PasswordHasher(new SecureRandom()),
                new SecureRandom(), clock), new TotpSecrets(store.masterKeys()), id, role, scope);
    }

    private String secret(String userId) {
        return SECRETS.containsKey(userId) ? SECRETS.get(userId) : extraSecrets.get(userId);
    }

    /** Moves the clock to the next TOTP step and returns the user's code for it. */
    public String code(String userId) {
        return code(Base32.decode(secret(userId)));
    }

    String code(byte[] secret) {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
        return Totp.standard().code(secret, clock.instant());
    }

    public String origin() {
        return "https://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.stop();
        store.close();
    }
}
