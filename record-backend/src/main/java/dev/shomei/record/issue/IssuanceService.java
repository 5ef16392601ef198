package dev.shomei.record.issue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.sign.RevocableCertificate;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.UniqueViolationException;
import dev.shomei.record.domain.Channel;
import dev.shomei.record.domain.HoldReason;
import dev.shomei.record.domain.Issuance;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.move.MoveGuard;
import dev.shomei.record.revoke.Revocations;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.record.store.ResidentRepository;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues certificates for the center: finds the resident inside the requested municipality only,
 * applies the rules (birth date matches the card, resident not DECEASED and not held by a clerk, at
 * least one dose, passport data for overseas), signs, and records the issuance, all idempotent by
 * transaction id. A MOVED_OUT resident is certified too: the municipality where the person was
 * registered when vaccinated certifies the doses it recorded, wherever they live now.
 *
 * <p>Idempotency under concurrency: the record carries a unique key (municipality, transaction id).
 * Two racing requests with one transaction id may both sign, but only one insert wins; the loser
 * reads the winner's record and returns its stored answer. A request that finds the transaction
 * recorded already returns the stored answer without signing.
 */
public final class IssuanceService {
    private static final System.Logger LOG = System.getLogger(IssuanceService.class.getName());
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int ID_ATTEMPTS = 8;

    private final Database database;
    private final TenantKeyring keyring;
    private final AuditLog audit;
    private final CertificateSigner signer;
    private final CertificateContents contents;
    private final Clock clock;
    private final CertificateIds certificateIds = new CertificateIds();
    private final ResidentRepository residents = new ResidentRepository();
    private final IssuanceRepository issuances = new IssuanceRepository();
    private final Revocations revocations = new Revocations();
    private final MoveGuard moveGuard = new MoveGuard();

    public IssuanceService(Database database, TenantKeyring keyring, AuditLog audit, CertificateSigner signer,
                           CertificateContents contents, Clock clock) {
        this.database = database;
        this.keyring = keyring;
        this.audit = audit;
        this.signer = signer;
        this.contents = contents;
        this.clock = clock;
    }

    /** What the issuance found in the records: an earlier answer, or the resident and their doses. */
    private sealed interface Lookup {
    }

    private record Recorded(Issuance issuance, String response) implements Lookup {
    }

    private record Eligible(Municipality municipality, Resident resident, Optional<HoldReason> hold, List<Vaccination> doses,
                            AlternativeName alternativeName) implements Lookup {
    }

    /**
     * An issue answer and its JSON, written once: the same text is stored with the issuance and sent
     * to the center.
     */
    public record Answer(IssuanceResponse response, String json) {
        static Answer of(IssuanceResponse response) {
            return new Answer(response, BackendJson.writeString(response));
        }
    }

    /**
     * Issues (or, for a repeated transaction id, returns) the certificate.
     *
     * @param client the CN of the center's client certificate, for the audit log
     */
    public IssuanceResponse issue(IssuanceRequest request, String client) {
        return answer(request, client).response();
    }

    /** {@link #issue}, with the answer's JSON as the center gets it. */
    public Answer answer(IssuanceRequest request, String client) {
        Valid valid = validate(request);
        MunicipalityCode code = valid.municipality();
        // one read transaction for everything the checks need: the municipality, an earlier answer, the resident
        Lookup lookup = database.read(tx -> {
            // moving (or moved away): MUNICIPALITY_MOVING, not "not taking part"
            Municipality municipality = moveGuard.refuseIssueEarly(tx, code)
                    .filter(Municipality::kioskParticipating)
                    .orElseThrow(() -> refuse(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, request, "municipality does not take part"));
            if (request.type() == CertificateType.OVERSEAS && !municipality.offersOverseas()) {
                throw refuse(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, request, "municipality issues no overseas certificates at kiosks");
            }
            TenantCipher tenant = keyring.cipher(tx, code);
            Optional<Issuance> recorded = issuances.findByTransaction(tx, code, request.transactionId());
            if (recorded.isPresent()) {
                requireSameRequest(tx, tenant, recorded.get(), request, valid.myNumber());
                return new Recorded(recorded.get(), issuances.storedResponse(tx, tenant, recorded.get().id()).orElseThrow());
            }
            ResidentRepository.ForIssue found = residents.findForIssue(tx, tenant, valid.myNumber())
                    .orElseThrow(() -> refuse(ErrorCode.NO_RECORD, request, "no resident with this My Number here"));
            Resident resident = found.resident();
            return new Eligible(municipality, resident, found.hold(), found.doses(),
                    found.alternativeName()); // printed beside the name (旧姓・別姓・別名)
        });
        if (lookup instanceof Recorded recorded) {
            LOG.log(Level.INFO, "issue: transaction {0} answered from the record (certificate {1})",
                    request.transactionId(), recorded.issuance().certificateId());
            return Answer.of(withCurrentStatus(recorded.response(), recorded.issuance()));
        }
        Eligible eligible = (Eligible) lookup;
        check(request, valid, eligible);
        return signAndRecord(request, client, eligible);
    }

    private void check(IssuanceRequest request, Valid valid, Eligible eligible) {
        Resident resident = eligible.resident();
        if (!resident.status().mayBeCertified()) {
            throw refuse(ErrorCode.RESIDENT_FLAGGED, request, "resident is " + resident.status());
        }
        if (eligible.hold().isPresent()) {
            throw refuse(ErrorCode.RESIDENT_FLAGGED, request, "a clerk holds issuing (" + eligible.hold().get() + ")");
        }
        if (!resident.birthDate().equals(valid.birthDate())) {
            // the card and the record disagree: the window has to sort it out
            throw refuse(ErrorCode.RESIDENT_FLAGGED, request, "birth date on the card differs from the record");
        }
        if (eligible.doses().isEmpty()) {
            throw refuse(ErrorCode.NO_VACCINATION, request, "no completed dose");
        }
        if (request.type() == CertificateType.OVERSEAS && !resident.hasPassportData()) {
            throw refuse(ErrorCode.PASSPORT_INFO_MISSING, request, "no passport data on file");
        }
    }

    private Answer signAndRecord(IssuanceRequest request, String client, Eligible eligible) {
        Municipality municipality = eligible.municipality();
        MunicipalityCode code = municipality.code();
        Resident resident = eligible.resident();
        AlternativeName alternativeName = eligible.alternativeName();
        for (int attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            String certificateId = certificateIds.next(code);
            CertificateContent content = contents.build(certificateId, request.type(), municipality, resident,
                    alternativeName, eligible.doses(), LocalDate.ofInstant(now, ServiceRules.ZONE));
            RevocableCertificate revocable = signer.sign(content, now);
            SignedCertificate signed = revocable.certificate();
            int fee = municipality.feePerCopyYen();
            Issuance issuance = new Issuance(Ids.random(), code, certificateId, resident.id(), request.type(), Channel.KIOSK,
                    request.terminalId(), request.transactionId(), request.copies(), fee * request.copies(), now,
                    IssuanceStatus.ISSUED, now, null);
            IssuanceResponse response = new IssuanceResponse(request.transactionId(), certificateId, code.value(), now,
                    IssuanceStatus.ISSUED, request.copies(), fee, fee * request.copies(), signed);
            String json = BackendJson.writeString(response);
            String passportNumber = request.type() == CertificateType.OVERSEAS ? resident.passportNumber() : null;
            try {
                database.write(tx -> {
                    moveGuard.refuseIssue(tx, code); // a move may have stopped it since the lookup
                    TenantCipher tenant = keyring.cipher(tx, code);
                    issuances.insert(tx, tenant, issuance, passportNumber, json);
                    revocations.recordSigned(tx, issuance, revocable);
                    audit.append(tx, new AuditEvent("CENTER", client, request.terminalId(), "ISSUE", code, "issuance",
                            certificateId, "OK", "type=" + request.type() + " copies=" + request.copies()
                            + " transaction=" + request.transactionId()));
                    return null;
                });
                LOG.log(Level.INFO, "issue: certificate {0} issued for transaction {1} (municipality {2}, terminal {3})",
                        certificateId, request.transactionId(), code, request.terminalId());
                return new Answer(response, json);
            } catch (UniqueViolationException e) {
                Optional<IssuanceResponse> winner = database.read(tx -> {
                    Optional<Issuance> recorded = issuances.findByTransaction(tx, code, request.transactionId());
                    if (recorded.isEmpty()) {
                        return Optional.<IssuanceResponse>empty();
                    }
                    TenantCipher tenant = keyring.cipher(tx, code);
                    String stored = issuances.storedResponse(tx, tenant, recorded.get().id()).orElseThrow();
                    if (!recorded.get().residentId().equals(resident.id()) || recorded.get().type() != request.type()) {
                        throw refuse(ErrorCode.INVALID_REQUEST, request, "transaction id used for another request");
                    }
                    return Optional.of(withCurrentStatus(stored, recorded.get()));
                });
                if (winner.isPresent()) {
                    LOG.log(Level.INFO, "issue: transaction {0} raced; answered with the recorded issuance", request.transactionId());
                    return Answer.of(winner.get());
                }
                LOG.log(Level.DEBUG, "issue: certificate id collision, attempt {0}", attempt);
            }
        }
        throw new ShomeiException(ErrorCode.INTERNAL, "no free certificate id after " + ID_ATTEMPTS + " attempts");
    }

    private void requireSameRequest(dev.shomei.record.db.Tx tx, TenantCipher tenant, Issuance recorded, IssuanceRequest request,
                                    MyNumber myNumber) throws java.sql.SQLException {
        boolean sameResident = residents.residentIdOf(tx, tenant, myNumber).map(recorded.residentId()::equals).orElse(false);
        if (!sameResident || recorded.type() != request.type() || recorded.copies() != request.copies()) {
            throw refuse(ErrorCode.INVALID_REQUEST, request, "transaction id used for another request");
        }
    }

    private static IssuanceResponse withCurrentStatus(String storedJson, Issuance issuance) {
        IssuanceResponse stored = BackendJson.read(storedJson, IssuanceResponse.class);
        return new IssuanceResponse(stored.transactionId(), stored.certificateId(), stored.municipalityCode(), stored.issuedAt(),
                issuance.status(), stored.copies(), stored.feePerCopyYen(), stored.feeTotalYen(), stored.certificate());
    }

    private static ShomeiException refuse(ErrorCode code, IssuanceRequest request, String why) {
        LOG.log(Level.INFO, "issue refused: {0} for transaction {1} (municipality {2}, terminal {3}): {4}",
                code, request.transactionId(), request.municipalityCode(), request.terminalId(), why);
        return new ShomeiException(code, why);
    }

    private record Valid(MunicipalityCode municipality, MyNumber myNumber, LocalDate birthDate) {
    }

    /** Checks the request's shape; a bad field is INVALID_REQUEST naming the field, never its value. */
    static Valid validate(IssuanceRequest request) {
        if (request == null) {
            throw invalid("request is missing");
        }
        if (request.transactionId() == null || !IDENTIFIER.matcher(request.transactionId()).matches()) {
            throw invalid("transactionId must be 1..64 of [A-Za-z0-9._-]");
        }
        if (request.terminalId() == null || !IDENTIFIER.matcher(request.terminalId()).matches()) {
            throw invalid("terminalId must be 1..64 of [A-Za-z0-9._-]");
        }
        MunicipalityCode municipality = MunicipalityCode.of(request.municipalityCode());
        MyNumber myNumber = MyNumber.of(request.myNumber());
        if (request.type() == null) {
            throw invalid("type must be DOMESTIC or OVERSEAS");
        }
        if (request.copies() < 1 || request.copies() > ServiceRules.COPIES_MAX) {
            throw invalid("copies must be 1.." + ServiceRules.COPIES_MAX);
        }
        if (request.holder() == null || request.holder().birthDate() == null) {
            throw invalid("holder.birthDate is missing");
        }
        try {
            return new Valid(municipality, myNumber, LocalDate.parse(request.holder().birthDate()));
        } catch (DateTimeParseException e) {
            throw invalid("holder.birthDate must be YYYY-MM-DD");
        }
    }

    private static ShomeiException invalid(String message) {
        return new ShomeiException(ErrorCode.INVALID_REQUEST, message);
    }
}
