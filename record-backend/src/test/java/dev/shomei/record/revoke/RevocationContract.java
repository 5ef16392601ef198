package dev.shomei.record.revoke;

import static dev.shomei.record.testing.TestData.BUNKYO;
import static dev.shomei.record.testing.TestData.TAKATSUKASA_MY_NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.cert.StrictJson;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.HealthCard;
import dev.shomei.protocol.shc.ShcRevocationList;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcRevocationList;
import dev.shomei.protocol.vds.VdsNcVerifier;
import dev.shomei.record.RecordStore;
import dev.shomei.record.console.ClerkVoids;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.MutableClock;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Role;
import dev.shomei.record.users.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way an issuance ends VOIDED after its payloads were signed revokes them, in both lists, in
 * the void's transaction; run on every engine ({@code SqliteRevocationTest}, {@code PostgresRevocationIT}).
 */
public abstract class RevocationContract {
    private static final Duration CONFIRMATION_TIMEOUT = Duration.ofMinutes(15);
    private static Path pkiDir;

    @TempDir
    protected Path temp;

    private RecordStore store;
    private IssuerKeys keys;
    private MutableClock clock;
    private IssuanceService service;
    private IssuanceOutcomes outcomes;
    private TrustDocuments documents;
    private DevPki pki;
    private int transactions;

    /** A fresh, empty database of this engine. */
    protected abstract String newDatabaseUrl() throws Exception;

    /** Every way an issuance ends VOIDED. */
    enum VoidPath {
        KIOSK_PRINTER_FAILED, KIOSK_CANCELLED, CENTER_RECONCILIATION, UNCONFIRMED_TIMEOUT, CLERK_MISPRINT, CLERK_LOST
    }

    @BeforeAll
    static void pkiDirectory() throws Exception {
        pkiDir = Files.createTempDirectory("shomei-revocation-pki-");
        DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void open() throws Exception {
        store = RecordStore.open(newDatabaseUrl(), temp.resolve("master-keys.p12"));
        for (var municipality : BuiltInMunicipalities.all()) {
            store.ensureMunicipality(municipality, "OPERATOR", "test");
        }
        pki = DevPki.ensure(pkiDir);
        keys = IssuerKeySources.dev(pki, "https://127.0.0.1:8411");
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        service = new IssuanceService(store.database(), store.keyring(), store.audit(), new QrCertificateSigner(keys),
                new CertificateContents(VaccineCatalog.standard()), clock);
        outcomes = new IssuanceOutcomes(store.database(), store.audit(), clock);
        documents = new TrustDocuments(store.database(), keys, clock);
        store.database().write(tx -> {
            var tenant = store.keyring().cipher(tx, BUNKYO);
            var resident = TestData.takatsukasa(BUNKYO);
            new ResidentRepository().insert(tx, tenant, resident, TAKATSUKASA_MY_NUMBER);
            new VaccinationRepository().insertAll(tx, tenant, resident.id(), TestData.doses(3));
            return null;
        });
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest
    @EnumSource(VoidPath.class)
    void everyVoidRevokesTheCardAndTheSeal(VoidPath path) {
        IssuanceResponse issued = issue(CertificateType.OVERSEAS);
        voidBy(path, issued);
        HealthCard card = card(issued);
        ShcRevocationList shc = shcList(card.kid());
        assertEquals(1, shc.ctr(), path.name());
        assertEquals(List.of(card.rid()), shc.rids());
        assertTrue(shc.revokes(card.rid(), card.notBefore()));
        VdsNcRevocationList vds = vdsList();
        assertEquals(1, vds.ctr());
        assertEquals(List.of(issued.certificateId()), vds.revoked());
        assertEquals(1, crlVersion(card.kid()), "the JWKS names the list's version");
    }

    @Test
    void aPrintedCertificateIsNotRevoked() {
        IssuanceResponse issued = issue(CertificateType.OVERSEAS);
        outcomes.update(new StatusUpdate(BUNKYO.value(), issued.transactionId(), IssuanceStatus.PRINTED, null,
                "KIOSK-0001"), "center");
        HealthCard card = card(issued);
        assertEquals(ShcRevocationList.empty(card.kid()), shcList(card.kid()));
        assertEquals(0, vdsList().ctr());
        assertEquals(-1, crlVersion(card.kid()), "no crlVersion before the first revocation");
    }

    @Test
    void aDomesticCertificateHasNoSealToRevoke() {
        IssuanceResponse issued = issue(CertificateType.DOMESTIC);
        voidBy(VoidPath.CLERK_LOST, issued);
        assertEquals(1, shcList(card(issued).kid()).ctr());
        assertEquals(0, vdsList().ctr());
    }

    @Test
    void ctrCountsEachRevocationAndTheListOnlyGrows() {
        IssuanceResponse first = issue(CertificateType.OVERSEAS);
        voidBy(VoidPath.UNCONFIRMED_TIMEOUT, first);
        ShcRevocationList afterOne = shcList(card(first).kid());
        IssuanceResponse second = issue(CertificateType.OVERSEAS);
        voidBy(VoidPath.CLERK_LOST, second);
        ShcRevocationList afterTwo = shcList(card(first).kid());
        assertEquals(2, afterTwo.ctr());
        assertEquals(List.of(card(first).rid(), card(second).rid()), afterTwo.rids());
        afterTwo.requireNotOlderThan(afterOne);
        // a late PRINTED after the presumed (timeout) void: the record says PRINTED, the list keeps the card
        var late = outcomes.update(new StatusUpdate(BUNKYO.value(), first.transactionId(), IssuanceStatus.PRINTED, null,
                "KIOSK-0001"), "center");
        assertEquals(IssuanceStatus.PRINTED, late.status());
        assertEquals(afterTwo, shcList(card(first).kid()));
        assertEquals(List.of(first.certificateId(), second.certificateId()), vdsList().revoked());
        assertEquals(2, vdsList().ctr());
    }

    @Test
    void ridsDifferPerIssuanceAndCarryNoPersonalData() {
        IssuanceResponse first = issue(CertificateType.OVERSEAS);
        IssuanceResponse again = issue(CertificateType.OVERSEAS);
        String rid = card(first).rid();
        assertFalse(rid.equals(card(again).rid()), "two issuances for one person: two rids");
        assertEquals(rid, card(first).rid(), "the stored answer carries the same rid");
        assertTrue(rid.matches("[A-Za-z0-9_-]{11}"), rid);
        for (String personal : List.of(TAKATSUKASA_MY_NUMBER.digits(), TestData.BIRTH.toString(), first.certificateId())) {
            assertFalse(rid.contains(personal));
        }
    }

    @Test
    void theSignedVdsListStaysTheSameDocumentUntilItChanges() {
        String before = documents.vdsNcRevocationList().orElseThrow();
        assertEquals(before, documents.vdsNcRevocationList().orElseThrow(), "signed once per ctr");
        voidBy(VoidPath.CLERK_MISPRINT, issue(CertificateType.OVERSEAS));
        String after = documents.vdsNcRevocationList().orElseThrow();
        assertFalse(before.equals(after));
        VdsNcRevocationList.verify(after, new VdsNcVerifier(List.of(pki.vdsCscaCertificate()), clock))
                .requireNotOlderThan(VdsNcRevocationList.verify(before, new VdsNcVerifier(List.of(pki.vdsCscaCertificate()), clock)));
        assertTrue(documents.shcRevocationList("unknown-kid").isEmpty());
    }

    private IssuanceResponse issue(CertificateType type) {
        return service.issue(TestData.request("t-" + (++transactions), BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, type),
                "center");
    }

    private void voidBy(VoidPath path, IssuanceResponse issued) {
        MunicipalityCode code = MunicipalityCode.of(issued.municipalityCode());
        Actor supervisor = new Actor("supervisor-1", Role.SUPERVISOR, new Scope(code.value()), "127.0.0.1");
        switch (path) {
            case KIOSK_PRINTER_FAILED, KIOSK_CANCELLED -> outcomes.update(new StatusUpdate(code.value(),
                    issued.transactionId(), IssuanceStatus.VOIDED,
                    path == VoidPath.KIOSK_CANCELLED ? "CANCELLED" : "PRINTER_FAILED", "KIOSK-0001"), "center");
            case CENTER_RECONCILIATION -> outcomes.update(new StatusUpdate(code.value(), issued.transactionId(),
                    IssuanceStatus.VOIDED, IssuanceOutcomes.CENTER_RECONCILED_REASON), "center");
            case UNCONFIRMED_TIMEOUT -> {
                clock.advance(CONFIRMATION_TIMEOUT.plusMinutes(1));
                assertTrue(outcomes.voidUnconfirmed(CONFIRMATION_TIMEOUT) >= 1);
            }
            case CLERK_MISPRINT -> ClerkVoids.voidIssuance(store, clock, supervisor, issued.certificateId(), "MISPRINT");
            case CLERK_LOST -> ClerkVoids.voidIssuance(store, clock, supervisor, issued.certificateId(), "LOST");
            default -> throw new IllegalArgumentException(path.name());
        }
    }

    private HealthCard card(IssuanceResponse issued) {
        String jws = issued.certificate().smartHealthCard();
        return new SmartHealthCardVerifier(keys.shc().jwks(), clock).verify(jws);
    }

    private ShcRevocationList shcList(String kid) {
        return ShcRevocationList.parse(documents.shcRevocationList(kid).orElseThrow(), kid);
    }

    private VdsNcRevocationList vdsList() {
        return VdsNcRevocationList.verify(documents.vdsNcRevocationList().orElseThrow(),
                new VdsNcVerifier(List.of(pki.vdsCscaCertificate()), clock));
    }

    private int crlVersion(String kid) {
        for (var key : StrictJson.parse(documents.jwks(), "jwks").get("keys")) {
            if (kid.equals(key.path("kid").asText())) {
                return key.path("crlVersion").asInt(-1);
            }
        }
        throw new AssertionError("kid not in the JWKS");
    }
}
