package dev.shomei.record.move;

import static dev.shomei.record.testing.TestData.BUNKYO;
import static dev.shomei.record.testing.TestData.SHINJUKU;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.vds.VdsNcSealer;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.keys.ShcKeyRing;
import dev.shomei.record.store.MunicipalityMoveRepository;
import dev.shomei.record.store.MunicipalityRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.users.NewUser;
import dev.shomei.record.users.PasswordHasher;
import dev.shomei.record.users.Role;
import dev.shomei.record.users.Scope;
import dev.shomei.record.users.TotpSecrets;
import dev.shomei.record.users.UserAdministration;
import dev.shomei.record.users.UserRepository;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backend move-municipality} on every engine: two databases with their own master key stores
 * (so keys are re-wrapped and the audit chain chained again), Bunkyo moved from one to the other.
 */
public abstract class MunicipalityMoveContract {
    private static Path pkiDir;
    private static final MyNumber HANAKO = TestData.myNumber("41234567890");
    private static final LocalDate HANAKO_BIRTH = LocalDate.of(1980, 4, 1);

    @TempDir
    Path temp;

    String sourceUrl;
    String targetUrl;
    RecordStore source;
    RecordStore target;
    IssuerKeys keys;
    final List<String> progress = new CopyOnWriteArrayList<>();

    /** A fresh, empty database of this engine. */
    protected abstract String newDatabaseUrl() throws Exception;

    /** The database moved to: by default another of the same engine. */
    protected String newTargetUrl() throws Exception {
        return newDatabaseUrl();
    }

    @BeforeAll
    static void pki() throws Exception {
        pkiDir = Files.createTempDirectory("shomei-move-pki-");
        DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void open() throws Exception {
        sourceUrl = newDatabaseUrl();
        targetUrl = newTargetUrl();
        source = RecordStore.open(sourceUrl, temp.resolve("source-keys.p12"));
        target = RecordStore.open(targetUrl, temp.resolve("target-keys.p12"));
        DevPki pki = DevPki.ensure(pkiDir);
        keys = new IssuerKeys("https://127.0.0.1:8411", () -> ShcKeyRing.fromDirectory(pki.shcDir()),
                new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate()));
        for (var municipality : BuiltInMunicipalities.all()) {
            if (!municipality.code().equals(BUNKYO)) {
                target.ensureMunicipality(municipality, "OPERATOR", "test");
            }
            source.ensureMunicipality(municipality, "OPERATOR", "test");
        }
        add(source, BUNKYO, TestData.takatsukasa(BUNKYO), TestData.TAKATSUKASA_MY_NUMBER, 3);
        add(source, BUNKYO, TestData.plain(BUNKYO, "A-000202", HANAKO_BIRTH), HANAKO, 2);
        add(source, SHINJUKU, TestData.plain(SHINJUKU, "S-000001", HANAKO_BIRTH), HANAKO, 1);
        IssuanceService sourceIssuance = service(source);
        IssuanceOutcomes sourceOutcomes = outcomes(source);
        sourceIssuance.issue(TestData.request("t-printed", BUNKYO, HANAKO, HANAKO_BIRTH, CertificateType.DOMESTIC), "test");
        sourceOutcomes.update(new StatusUpdate(BUNKYO.value(), "t-printed", IssuanceStatus.PRINTED, null), "test");
        sourceIssuance.issue(TestData.request("t-open", BUNKYO, TestData.TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.OVERSEAS), "test");
        sourceIssuance.issue(TestData.request("t-shinjuku", SHINJUKU, HANAKO, HANAKO_BIRTH, CertificateType.DOMESTIC), "test");
    }

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private static void add(RecordStore store, MunicipalityCode code, Resident resident, MyNumber myNumber, int doses) {
        store.database().write(tx -> {
            TenantCipher tenant = store.keyring().cipher(tx, code);
            new ResidentRepository().insert(tx, tenant, resident, myNumber);
            new VaccinationRepository().insertAll(tx, tenant, resident.id(), TestData.doses(doses));
            return null;
        });
    }

    IssuanceService service(RecordStore store) {
        return new IssuanceService(store.database(), store.keyring(), store.audit(), new QrCertificateSigner(keys),
                new CertificateContents(VaccineCatalog.standard()), Clock.systemUTC());
    }

    static IssuanceOutcomes outcomes(RecordStore store) {
        return new IssuanceOutcomes(store.database(), store.audit(), Clock.systemUTC());
    }

    MunicipalityMove move() {
        return new MunicipalityMove(source, sourceUrl, target, targetUrl, Duration.ZERO, progress::add);
    }

    static Map<String, Long> counts(RecordStore store, MunicipalityCode code) {
        return store.database().read(tx -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (MunicipalityTables.Table table : MunicipalityTables.of(tx)) {
                counts.put(table.name(), MunicipalityTables.count(tx, table, code.value()));
            }
            return counts;
        });
    }

    static ErrorCode refusal(Runnable call) {
        return assertThrows(ShomeiException.class, call::run).code();
    }

    static MunicipalityMoveRepository.Step step(RecordStore store, MunicipalityCode code) {
        return store.database().read(tx -> new MunicipalityMoveRepository().find(tx, code))
                .map(MunicipalityMoveRepository.Move::step).orElse(null);
    }

    @Test
    void noChangeOfTheMunicipalityLandsWhileItIsCopiedAndTheOthersCarryOn() {
        setMove(source, MunicipalityMoveRepository.Role.OUTGOING, MunicipalityMoveRepository.Step.STOPPED);
        source.changeFee(BUNKYO, 300, "OPERATOR", "test"); // while it drains, changes still land

        setMove(source, MunicipalityMoveRepository.Role.OUTGOING, MunicipalityMoveRepository.Step.COPYING);
        Map<String, Long> before = counts(source, BUNKYO);
        ShomeiException frozen = assertThrows(ShomeiException.class, () -> source.changeFee(BUNKYO, 500, "OPERATOR", "test"));
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, frozen.code());
        assertEquals(300, source.database().read(tx -> new dev.shomei.record.store.MunicipalityRepository().find(tx, BUNKYO))
                .orElseThrow().feePerCopyYen(), "the refused change changed nothing");
        assertEquals(before, counts(source, BUNKYO), "no row and no audit entry added behind the copy's back");
        source.changeFee(SHINJUKU, 400, "OPERATOR", "test"); // another municipality is not frozen

        setMove(target, SHINJUKU, MunicipalityMoveRepository.Role.INCOMING, MunicipalityMoveRepository.Step.COPIED);
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, assertThrows(ShomeiException.class,
                () -> target.changeFee(SHINJUKU, 500, "OPERATOR", "test")).code(), "nor at the target before it takes over");
    }

    /** The issue path's first read: the municipality and its move in one query, whichever of the two exists. */
    @Test
    void theMunicipalityAndItsMoveAreReadTogetherWhicheverExists() {
        MunicipalityRepository municipalities = new MunicipalityRepository();
        MunicipalityRepository.WithMove plain = source.database().read(tx -> municipalities.findWithMove(tx, BUNKYO));
        assertEquals(BUNKYO, plain.municipality().orElseThrow().code());
        assertEquals(Optional.empty(), plain.move());
        assertEquals(new MunicipalityRepository.WithMove(Optional.empty(), Optional.empty()),
                target.database().read(tx -> municipalities.findWithMove(tx, BUNKYO)), "neither at the target yet");

        setMove(source, MunicipalityMoveRepository.Role.OUTGOING, MunicipalityMoveRepository.Step.COPYING);
        MunicipalityRepository.WithMove moving = source.database().read(tx -> municipalities.findWithMove(tx, BUNKYO));
        assertEquals(BUNKYO, moving.municipality().orElseThrow().code());
        assertEquals(MunicipalityMoveRepository.Step.COPYING, moving.move().orElseThrow().step());
        assertEquals(Optional.empty(), source.database().read(tx -> municipalities.findWithMove(tx, SHINJUKU)).move(),
                "another municipality's row has no move");

        setMove(target, BUNKYO, MunicipalityMoveRepository.Role.INCOMING, MunicipalityMoveRepository.Step.STOPPED);
        MunicipalityRepository.WithMove incoming = target.database().read(tx -> municipalities.findWithMove(tx, BUNKYO));
        assertEquals(Optional.empty(), incoming.municipality(), "a move without the municipality's row");
        assertEquals(MunicipalityMoveRepository.Role.INCOMING, incoming.move().orElseThrow().role());
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, refusal(() -> target.database().read(tx ->
                new MoveGuard().refuseIssueEarly(tx, BUNKYO))), "and the guard refuses on it");
    }

    /** An issue's or outcome's audit entry skips its own move check only when the guard passed in its transaction. */
    @Test
    void theMoveGuardNotesThatTheMunicipalityTakesChangesOnlyWhenItPassed() {
        MoveGuard guard = new MoveGuard();
        var bunkyo = new MunicipalityMoveRepository.ChangesAccepted(BUNKYO);
        var shinjuku = new MunicipalityMoveRepository.ChangesAccepted(SHINJUKU);
        assertEquals(List.of(true, false), source.database().write(tx -> {
            guard.refuseIssue(tx, BUNKYO);
            return List.of(tx.lockedFact(bunkyo), tx.lockedFact(shinjuku));
        }), "noted for the municipality checked, not for another");
        assertEquals(Boolean.FALSE, source.database().write(tx -> tx.lockedFact(bunkyo)), "nor in the next transaction");

        setMove(source, MunicipalityMoveRepository.Role.OUTGOING, MunicipalityMoveRepository.Step.STOPPED);
        assertEquals(Boolean.TRUE, source.database().write(tx -> {
            guard.refuseOutcome(tx, BUNKYO); // outcomes still land while it drains
            return tx.lockedFact(bunkyo);
        }));
        assertFalse(notedWhenRefused(guard::refuseIssue, bunkyo), "a refused issue notes nothing");

        setMove(source, MunicipalityMoveRepository.Role.OUTGOING, MunicipalityMoveRepository.Step.COPYING);
        assertFalse(notedWhenRefused(guard::refuseOutcome, bunkyo), "a refused outcome notes nothing");
    }

    private interface GuardCheck {
        void check(Tx tx, MunicipalityCode code) throws SQLException;
    }

    /** Runs a check the guard refuses (MUNICIPALITY_MOVING) in a write; whether its transaction had noted the fact. */
    private boolean notedWhenRefused(GuardCheck check, MunicipalityMoveRepository.ChangesAccepted fact) {
        List<Boolean> noted = new ArrayList<>();
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, refusal(() -> source.database().write(tx -> {
            try {
                check.check(tx, fact.code());
            } finally {
                noted.add(tx.lockedFact(fact));
            }
            return null;
        })));
        return noted.getFirst();
    }

    private void setMove(RecordStore store, MunicipalityMoveRepository.Role role, MunicipalityMoveRepository.Step step) {
        setMove(store, BUNKYO, role, step);
    }

    private void setMove(RecordStore store, MunicipalityCode code, MunicipalityMoveRepository.Role role,
                         MunicipalityMoveRepository.Step step) {
        String peer = MunicipalityMove.withoutCredentials(store == source ? targetUrl : sourceUrl);
        store.database().write(tx -> {
            new MunicipalityMoveRepository().put(tx, code, role, step, peer);
            return null;
        });
    }

    private static void addClerk(RecordStore store, String id, MunicipalityCode code, byte[] totpSecret) {
        new UserAdministration(store.database(), store.audit(), new PasswordHasher(new SecureRandom()), new SecureRandom(),
                Clock.systemUTC()).createEnrolled(new NewUser(id, id + " (test)", Role.CLERK, Scope.of(code),
                LocalDate.now().plusYears(1), false, null, null), "Move-Test-Pass-1".toCharArray(), totpSecret.clone(),
                new TotpSecrets(store.masterKeys()), "test");
    }

    @Test
    void itsClerkIdsMoveWithItAndTheirTotpSecretsOpenUnderTheTargetsMasterKey() {
        byte[] secret = "twenty-byte-secret!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        addClerk(source, "bunkyo-clerk", BUNKYO, secret);
        addClerk(source, "shinjuku-clerk", SHINJUKU, secret);

        move().run(BUNKYO);

        UserRepository users = new UserRepository();
        UserRepository.Credentials moved = target.database().read(tx -> users.credentials(tx, "bunkyo-clerk")).orElseThrow();
        assertArrayEquals(secret, new TotpSecrets(target.masterKeys()).open("bunkyo-clerk", moved.totpSecret()));
        assertEquals(Scope.of(BUNKYO), moved.user().scope());
        assertTrue(source.database().read(tx -> users.find(tx, "bunkyo-clerk")).isEmpty(), "gone from the source");
        assertTrue(source.database().read(tx -> users.find(tx, "shinjuku-clerk")).isPresent(), "another's id stays");
    }

    @Test
    void aMoveIsRefusedBeforeAnythingStopsWhenTheTargetHasAClerkIdOfTheSameName() {
        byte[] secret = "twenty-byte-secret!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        addClerk(source, "clerk-1", BUNKYO, secret);
        addClerk(target, "clerk-1", SHINJUKU, secret);

        ShomeiException refused = assertThrows(ShomeiException.class, () -> move().run(BUNKYO));
        assertTrue(refused.getMessage().contains("clerk-1"), refused.getMessage());
        assertEquals(null, step(source, BUNKYO), "nothing stopped");
        assertEquals(null, step(target, BUNKYO));
    }

    @Test
    void aMovedMunicipalityCanBeMovedBackAndIssuesThereAgain() {
        Map<String, Long> before = counts(source, BUNKYO);
        move().run(BUNKYO);
        List<String> back = new CopyOnWriteArrayList<>();
        new MunicipalityMove(target, targetUrl, source, sourceUrl, Duration.ZERO, back::add).run(BUNKYO);

        assertTrue(back.get(back.size() - 1).contains("moved to"), back.toString());
        assertEquals(null, step(source, BUNKYO), "the first source holds it as its own again");
        assertEquals(MunicipalityMoveRepository.Step.MOVED_OUT, step(target, BUNKYO));
        Map<String, Long> after = counts(source, BUNKYO);
        before.forEach((table, count) -> {
            if (!table.startsWith("audit")) {
                assertEquals(count, after.get(table), table + " after the round trip");
            }
        });
        assertTrue(source.auditVerifier().verify().intact(), source.auditVerifier().verify().problems().toString());
        assertEquals(IssuanceStatus.ISSUED, service(source).issue(TestData.request("t-back", BUNKYO, HANAKO, HANAKO_BIRTH,
                CertificateType.DOMESTIC), "test").status());
    }

    @Test
    void everyRowMovesWithItsKeysAndChainAndTheTargetIssuesThen() {
        Map<String, Long> before = counts(source, BUNKYO);
        assertEquals(2, before.get("resident"));
        assertEquals(5, before.get("vaccination"));
        assertEquals(2, before.get("issuance"));
        assertTrue(before.get("audit_log") >= 4, "created, two issues, one outcome: " + before);
        assertTrue(before.keySet().containsAll(List.of("municipality", "municipality_key", "my_number",
                "issuance_revocation_id", "audit_head")), before.keySet().toString());

        move().run(BUNKYO);

        assertEquals(before, counts(target, BUNKYO), "every row of Bunkyo at the target");
        counts(source, BUNKYO).forEach((table, count) -> assertEquals(0L, count, table + " left at the source"));
        assertEquals(1, counts(source, SHINJUKU).get("resident"), "the other municipality stays");
        assertTrue(source.auditVerifier().verify().intact(), source.auditVerifier().verify().problems().toString());
        assertTrue(target.auditVerifier().verify().intact(), target.auditVerifier().verify().problems().toString());
        assertEquals(MunicipalityMoveRepository.Step.MOVED_OUT, step(source, BUNKYO));
        assertEquals(null, step(target, BUNKYO), "the target holds it as its own");

        // keys re-wrapped under the target's master key: it finds residents by My Number and decrypts them
        assertEquals(IssuanceStatus.ISSUED, service(target).issue(TestData.request("t-after", BUNKYO, HANAKO, HANAKO_BIRTH,
                CertificateType.DOMESTIC), "test").status());
        // the issuance open during the move gets its outcome at the target
        assertEquals(IssuanceStatus.PRINTED, outcomes(target).update(new StatusUpdate(BUNKYO.value(), "t-open",
                IssuanceStatus.PRINTED, null), "test").status());
        // a repeated transaction id at the target answers the copied issuance
        assertEquals(IssuanceStatus.PRINTED, service(target).issue(TestData.request("t-printed", BUNKYO, HANAKO,
                HANAKO_BIRTH, CertificateType.DOMESTIC), "test").status());
        assertTrue(target.auditVerifier().verify().intact());

        assertEquals(ErrorCode.MUNICIPALITY_MOVING, refusal(() -> service(source).issue(TestData.request("t-late", BUNKYO,
                HANAKO, HANAKO_BIRTH, CertificateType.DOMESTIC), "test")), "a stale route is told, and looks again");
        assertEquals(IssuanceStatus.ISSUED, service(source).issue(TestData.request("t-shinjuku-2", SHINJUKU, HANAKO,
                HANAKO_BIRTH, CertificateType.DOMESTIC), "test").status(), "the source issues for its other municipalities");

        progress.clear();
        move().run(BUNKYO); // a rerun of a finished move changes nothing
        assertEquals(List.of("municipality 131059 moved to " + MunicipalityMove.withoutCredentials(targetUrl)
                + ": the target lists it, the source no longer has it"), progress);
    }

    @Test
    void aFailureMidCopyLeavesItStoppedOnBothAndARerunCompletes() {
        Map<String, Long> before = counts(source, BUNKYO);
        MunicipalityMove failing = move();
        failing.afterTableCopied(table -> {
            if (table.equals("issuance")) {
                throw new IllegalStateException("killed mid-copy");
            }
        });
        assertThrows(IllegalStateException.class, () -> failing.run(BUNKYO));
        assertEquals(MunicipalityMoveRepository.Step.COPYING, step(source, BUNKYO));
        counts(target, BUNKYO).forEach((table, count) -> assertEquals(0L, count, table + ": the copy rolled back"));
        assertTrue(progress.getLast().contains("Run the command again"), progress.getLast());
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, refusal(() -> service(source).issue(TestData.request("t-mid", BUNKYO,
                HANAKO, HANAKO_BIRTH, CertificateType.DOMESTIC), "test")), "no issuance on either side meanwhile");
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, refusal(() -> outcomes(source).update(new StatusUpdate(BUNKYO.value(),
                "t-open", IssuanceStatus.PRINTED, null), "test")), "outcomes wait while copying");
        assertEquals(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, refusal(() -> service(target).issue(TestData.request("t-mid2",
                BUNKYO, HANAKO, HANAKO_BIRTH, CertificateType.DOMESTIC), "test")), "the target does not have it");

        move().run(BUNKYO);
        assertEquals(before, counts(target, BUNKYO));
        assertEquals(MunicipalityMoveRepository.Step.MOVED_OUT, step(source, BUNKYO));
        assertTrue(target.auditVerifier().verify().intact());
    }

    @Test
    void aFailureAfterTheCopyIsCommittedButBeforeItIsRecordedIsCopiedAgainNotTwice() {
        Map<String, Long> before = counts(source, BUNKYO);
        // the copy commits at the target, then the run dies before the source records COPIED
        target.database().write(tx -> {
            new MunicipalityMoveRepository().put(tx, BUNKYO, MunicipalityMoveRepository.Role.INCOMING,
                    MunicipalityMoveRepository.Step.COPYING, "elsewhere");
            return null;
        });
        source.database().write(tx -> {
            new MunicipalityMoveRepository().put(tx, BUNKYO, MunicipalityMoveRepository.Role.OUTGOING,
                    MunicipalityMoveRepository.Step.COPYING, MunicipalityMove.withoutCredentials(targetUrl));
            return null;
        });
        move().run(BUNKYO);
        assertEquals(before, counts(target, BUNKYO));
        assertTrue(target.auditVerifier().verify().intact());
    }

    @Test
    void aKillBetweenTheSwitchWritesIsSaidAndTheRerunFinishesTheSwitch() {
        Map<String, Long> before = counts(source, BUNKYO);
        MunicipalityMove failing = move();
        failing.betweenSwitchWrites(() -> {
            throw new IllegalStateException("killed mid-switch");
        });
        assertThrows(IllegalStateException.class, () -> failing.run(BUNKYO));
        assertEquals(MunicipalityMoveRepository.Step.SWITCHED, step(source, BUNKYO));
        assertEquals(MunicipalityMoveRepository.Step.COPIED, step(target, BUNKYO), "the target does not list it yet");
        assertTrue(progress.getLast().contains("may not list it yet"), progress.getLast());
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, refusal(() -> move().abort(BUNKYO)), "past the switch: no abort");

        move().run(BUNKYO);
        assertEquals(null, step(target, BUNKYO));
        assertEquals(MunicipalityMoveRepository.Step.MOVED_OUT, step(source, BUNKYO));
        assertEquals(before, counts(target, BUNKYO));
        long switched = source.database().read(tx -> tx.queryLong(
                "SELECT COUNT(*) FROM audit_log WHERE chain = '-' AND action = 'MOVE_MUNICIPALITY_SWITCHED'"));
        assertEquals(1, switched, "the switch is recorded once");
    }

    @Test
    void anAbortBeforeTheSwitchGivesItBackToTheSource() {
        MunicipalityMove failing = move();
        failing.afterTableCopied(table -> {
            if (table.equals("vaccination")) {
                throw new IllegalStateException("killed");
            }
        });
        assertThrows(IllegalStateException.class, () -> failing.run(BUNKYO));
        move().abort(BUNKYO);
        assertEquals(null, step(source, BUNKYO));
        assertEquals(IssuanceStatus.ISSUED, service(source).issue(TestData.request("t-again", BUNKYO, HANAKO, HANAKO_BIRTH,
                CertificateType.DOMESTIC), "test").status());
        counts(target, BUNKYO).forEach((table, count) -> assertEquals(0L, count, table));
        assertTrue(source.auditVerifier().verify().intact());
    }

    @Test
    void aMoveIntoADatabaseThatHasTheMunicipalityIsRefusedBeforeAnythingStops() {
        target.ensureMunicipality(BuiltInMunicipalities.all().stream().filter(m -> m.code().equals(BUNKYO)).findFirst()
                .orElseThrow(), "OPERATOR", "test");
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, refusal(() -> move().run(BUNKYO)));
        assertEquals(null, step(source, BUNKYO));
        assertFalse(counts(source, BUNKYO).get("resident") == 0);
    }

    @Test
    void theRecordedPeerHasNoCredentials() {
        assertEquals("jdbc:postgresql://db1:5432/records",
                MunicipalityMove.withoutCredentials("jdbc:postgresql://db1:5432/records?user=shomei&password=secret"));
        assertEquals("jdbc:postgresql://db1/records",
                MunicipalityMove.withoutCredentials("jdbc:postgresql://shomei:secret@db1/records"));
    }
}
