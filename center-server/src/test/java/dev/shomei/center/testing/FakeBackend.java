package dev.shomei.center.testing;

import dev.shomei.card.sim.CardPerson;
import dev.shomei.center.issue.RecordBackend;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.IssuingAuthority;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.sign.CertificateSigner;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.EcShcSigner;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import dev.shomei.protocol.vds.VdsNcSealer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory record backend with the real API's behaviour that the center relies on: residents
 * found by (municipality, My Number), idempotent issue by transaction id, ISSUED -> PRINTED | VOIDED,
 * a void by reconciliation (UNCONFIRMED_TIMEOUT, NO_OUTCOME) giving way to a late PRINTED,
 * unconfirmed listing, lookup by transaction id. Certificates are really signed (SMART Health Card, VDS-NC) with dev keys.
 */
public final class FakeBackend implements RecordBackend {
    public record Resident(String municipalityCode, String familyName, String givenName, LocalDate birthDate,
                           Passport passport) {
    }

    private final Clock clock;
    private final CertificateSigner signer;
    private final Map<String, Resident> residents = new ConcurrentHashMap<>();
    private final Map<String, Entry> issuances = new ConcurrentHashMap<>();
    private final AtomicInteger certificateNumbers = new AtomicInteger(1000);
    public final AtomicInteger issueCalls = new AtomicInteger();
    public final AtomicInteger byTransactionCalls = new AtomicInteger();
    /** Added to every lookup by transaction id: the same id in another municipality (should never happen). */
    public final List<TransactionIssuances.Entry> alsoKnownElsewhere = new CopyOnWriteArrayList<>();
    public final List<String> issuedTransactionIds = new CopyOnWriteArrayList<>();
    public final List<StatusUpdate> statusUpdates = new CopyOnWriteArrayList<>();
    /** When set, every call fails with this code. */
    public final AtomicReference<ErrorCode> failure = new AtomicReference<>();
    public final List<MunicipalityList.Entry> municipalities = new CopyOnWriteArrayList<>();

    private static final class Entry {
        final IssuanceResponse response;
        final String terminalId;
        final Instant issuedAt;
        volatile IssuanceStatus status = IssuanceStatus.ISSUED;
        volatile String voidReason;

        Entry(IssuanceResponse response, String terminalId, Instant issuedAt) {
            this.response = response;
            this.terminalId = terminalId;
            this.issuedAt = issuedAt;
        }
    }

    public FakeBackend(DevPki pki, Clock clock) {
        this.clock = clock;
        this.signer = new CertificateSigner(
                new SmartHealthCardIssuer("https://127.0.0.1:8411", new EcShcSigner(pki.shcIssuerKey())),
                new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate()));
        for (var m : new FakeMunicipalities().load()) {
            municipalities.add(new MunicipalityList.Entry(m.code(), m.nameJa(), m.nameEn(), m.nameJa() + "長",
                    "Mayor of " + m.nameEn(), m.participating(), m.offersOverseas(), m.feePerCopyYen(),
                    m.opensAt().toString(), m.closesAt().toString()));
        }
    }

    /** Registers the card holder as a resident of {@code municipalityCode}. */
    public void addResident(CardPerson person, String municipalityCode, String familyName, String givenName,
            Passport passport) {
        residents.put(municipalityCode + "/" + person.myNumber().reveal(),
                new Resident(municipalityCode, familyName, givenName, person.birthDate(), passport));
    }

    private void maybeFail() {
        ErrorCode code = failure.get();
        if (code != null) {
            throw new ShomeiException(code, "fake backend failure");
        }
    }

    @Override
    public MunicipalityList municipalities() {
        maybeFail();
        return new MunicipalityList(List.copyOf(municipalities));
    }

    @Override
    public synchronized IssuanceResponse issue(IssuanceRequest request) {
        issueCalls.incrementAndGet();
        maybeFail();
        Entry existing = issuances.get(request.transactionId());
        if (existing != null) {
            IssuanceResponse r = existing.response;
            return new IssuanceResponse(r.transactionId(), r.certificateId(), r.municipalityCode(), r.issuedAt(),
                    existing.status, r.copies(), r.feePerCopyYen(), r.feeTotalYen(), r.certificate());
        }
        Resident resident = residents.get(request.municipalityCode() + "/" + request.myNumber());
        if (resident == null) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "no such resident");
        }
        if (!resident.birthDate().toString().equals(request.holder().birthDate())) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "birth date differs");
        }
        if (request.type() == CertificateType.OVERSEAS && resident.passport() == null) {
            throw new ShomeiException(ErrorCode.PASSPORT_INFO_MISSING, "no passport");
        }
        String certificateId = "C" + certificateNumbers.incrementAndGet();
        VaccineCatalog catalog = VaccineCatalog.standard();
        CertificateContent content = new CertificateContent(certificateId, request.type(),
                new Person(resident.familyName(), resident.givenName(), resident.birthDate()),
                request.type() == CertificateType.OVERSEAS ? resident.passport() : null,
                List.of(new Dose(1, LocalDate.of(2021, 6, 1), catalog.byCode("comirnaty").orElseThrow(), "FA5765"),
                        new Dose(2, LocalDate.of(2021, 6, 22), catalog.byCode("comirnaty").orElseThrow(), "FA7812")),
                new IssuingAuthority(request.municipalityCode(), "文京区長", "Mayor of Bunkyo City"),
                LocalDate.ofInstant(clock.instant(), ServiceRules.ZONE));
        SignedCertificate signed = signer.sign(content, clock.instant());
        var municipality = municipalities.stream().filter(m -> m.code().equals(request.municipalityCode())).findFirst();
        int fee = municipality.map(MunicipalityList.Entry::feePerCopyYen).orElse(0);
        IssuanceResponse response = new IssuanceResponse(request.transactionId(), certificateId, request.municipalityCode(),
                clock.instant(), IssuanceStatus.ISSUED, request.copies(), fee, fee * request.copies(),
                signed);
        issuances.put(request.transactionId(), new Entry(response, request.terminalId(), clock.instant()));
        issuedTransactionIds.add(request.transactionId());
        return response;
    }

    @Override
    public synchronized StatusResponse updateStatus(StatusUpdate update) {
        maybeFail();
        statusUpdates.add(update);
        Entry entry = issuances.get(update.transactionId());
        if (entry == null || !entry.response.municipalityCode().equals(update.municipalityCode())) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "no such issuance");
        }
        if (update.status() == IssuanceStatus.PRINTED && update.chargedYen() != null
                && update.chargedYen() != entry.response.feeTotalYen()) {
            throw new ShomeiException(ErrorCode.FEE_MISMATCH, "charged amount differs from the recorded fee");
        }
        if (!(entry.status == update.status())) {
            boolean presumedVoid = entry.status == IssuanceStatus.VOIDED && update.status() == IssuanceStatus.PRINTED
                    && ("UNCONFIRMED_TIMEOUT".equals(entry.voidReason) || "NO_OUTCOME".equals(entry.voidReason));
            if (entry.status != IssuanceStatus.ISSUED && !presumedVoid) {
                throw new ShomeiException(ErrorCode.INVALID_REQUEST, "issuance already " + entry.status);
            }
            entry.status = update.status();
            entry.voidReason = update.status() == IssuanceStatus.VOIDED ? update.reason() : null;
        }
        return new StatusResponse(update.municipalityCode(), update.transactionId(), entry.response.certificateId(),
                entry.status, entry.voidReason, clock.instant());
    }

    @Override
    public UnconfirmedIssuances unconfirmed(Duration olderThan) {
        maybeFail();
        Instant cutoff = clock.instant().minus(olderThan);
        List<UnconfirmedIssuances.Entry> open = new ArrayList<>();
        issuances.forEach((txid, entry) -> {
            if (entry.status == IssuanceStatus.ISSUED && !entry.issuedAt.isAfter(cutoff)) {
                open.add(new UnconfirmedIssuances.Entry(entry.response.municipalityCode(), txid,
                        entry.response.certificateId(), entry.terminalId, entry.issuedAt));
            }
        });
        return new UnconfirmedIssuances(open);
    }

    @Override
    public TransactionIssuances byTransaction(String transactionId) {
        maybeFail();
        byTransactionCalls.incrementAndGet();
        Entry entry = issuances.get(transactionId);
        List<TransactionIssuances.Entry> found = new ArrayList<>();
        if (entry != null) {
            found.add(new TransactionIssuances.Entry(entry.response.municipalityCode(), transactionId, entry.status));
        }
        alsoKnownElsewhere.stream().filter(e -> e.transactionId().equals(transactionId)).forEach(found::add);
        return new TransactionIssuances(found);
    }

    public String status(String transactionId) {
        Entry entry = issuances.get(transactionId);
        return entry == null ? null : entry.status.name();
    }

    public int issuanceCount() {
        return issuances.size();
    }
}
