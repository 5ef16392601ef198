package dev.shomei.record.console;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.sign.RevocableCertificate;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.Tx;
import dev.shomei.record.db.UniqueViolationException;
import dev.shomei.record.domain.Channel;
import dev.shomei.record.domain.Issuance;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.CertificateIds;
import dev.shomei.record.issue.CertificateSigner;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.move.MoveGuard;
import dev.shomei.record.revoke.Revocations;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.store.CounterIssuanceRepository;
import dev.shomei.record.store.CounterIssuanceRepository.CounterFacts;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Window and postal issuance (窓口交付・郵送, issue 21): a clerk of the resident's own municipality issues
 * after checking identity, with the kiosk's signer and certificate contents, recorded like a kiosk
 * issuance (transaction id, copies, fee, revocation ids) with channel WINDOW or POSTAL and the
 * counter's facts (identity check code, clerk, replaced issuance). The issuance stays ISSUED until the
 * clerk reports it handed out or mailed (PRINTED) or not (VOIDED, revoked); one left open is voided by
 * the backend's confirmation timeout like a kiosk's ({@link IssuanceOutcomes#voidUnconfirmed}).
 *
 * <p>A reissue after loss voids the lost certificate as LOST (revoking its QR codes) and records the
 * new one, which names the one it replaces, in one transaction with both audit entries.
 */
final class CounterIssuance {
    private static final int ID_ATTEMPTS = 8;

    /** What the clerk asked for; parsed from the form by {@link #order}. */
    record Order(CertificateType type, Channel channel, int copies, IdentityCheck identity) {
    }

    /** A window issuance's certificate as the office printer gets it. */
    record Printout(Issuance issuance, SignedCertificate certificate) {
    }

    private final Database database;
    private final TenantKeyring keyring;
    private final ConsoleAudit audit;
    private final CertificateSigner signer;
    private final CertificateContents contents;
    private final IssuanceOutcomes outcomes;
    private final Clock clock;
    private final CertificateIds certificateIds = new CertificateIds();
    private final ResidentRepository residents = new ResidentRepository();
    private final AlternativeNameRepository alternativeNames = new AlternativeNameRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final IssuanceRepository issuances = new IssuanceRepository();
    private final CounterIssuanceRepository counter = new CounterIssuanceRepository();
    private final Revocations revocations = new Revocations();
    private final MoveGuard moveGuard = new MoveGuard();

    CounterIssuance(Database database, TenantKeyring keyring, ConsoleAudit audit, CertificateSigner signer,
                    CertificateContents contents, IssuanceOutcomes outcomes, Clock clock) {
        this.database = database;
        this.keyring = keyring;
        this.audit = audit;
        this.signer = signer;
        this.contents = contents;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** Parses the form's choices; a bad one is {@link BadInput} naming it. */
    static Order order(String type, String channel, String copies, String identity) {
        CertificateType certificateType;
        try {
            certificateType = CertificateType.valueOf(type);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInput("counter.bad.type");
        }
        Channel counterChannel;
        try {
            counterChannel = Channel.valueOf(channel);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInput("counter.bad.channel");
        }
        if (!isCounter(counterChannel)) {
            throw new BadInput("counter.bad.channel");
        }
        int count;
        try {
            count = Integer.parseInt(copies);
        } catch (NumberFormatException e) {
            throw new BadInput("counter.bad.copies");
        }
        if (count < 1 || count > ServiceRules.COPIES_MAX) {
            throw new BadInput("counter.bad.copies");
        }
        return new Order(certificateType, counterChannel, count, IdentityCheck.parse(identity));
    }

    static boolean isCounter(Channel channel) {
        return channel == Channel.WINDOW || channel == Channel.POSTAL;
    }

    /** Issues for a resident of the actor's municipality; returns the new ISSUED record. */
    Issuance issue(Actor actor, String residentId, Order order) {
        actor.require(Permission.ISSUE_CERTIFICATES);
        return signAndRecord(actor, residentId, order, null);
    }

    /**
     * Voids the PRINTED issuance {@code lostCertificateId} as LOST (revoked) and issues its replacement of
     * the same type, in one transaction; returns the new record.
     */
    Issuance reissue(Actor actor, String lostCertificateId, Order order) {
        actor.require(Permission.ISSUE_CERTIFICATES);
        Issuance lost = database.read(tx -> ownIssuance(tx, actor.municipality(), lostCertificateId));
        if (lost.status() != IssuanceStatus.PRINTED) {
            throw new BadInput("counter.bad.notPrinted");
        }
        if (order.type() != lost.type()) {
            throw new BadInput("counter.bad.reissueType");
        }
        return signAndRecord(actor, lost.residentId(), order, lost);
    }

    /** The signed certificate of an open (ISSUED) window issuance, for the office printer; audited. */
    Printout printout(Actor actor, String certificateId) {
        actor.require(Permission.ISSUE_CERTIFICATES);
        MunicipalityCode code = actor.municipality();
        Printout printout = database.read(tx -> {
            Issuance issuance = counterIssuance(tx, code, certificateId);
            if (issuance.status() != IssuanceStatus.ISSUED) {
                throw new BadInput("counter.notOpen");
            }
            String json = issuances.storedResponse(tx, keyring.cipher(tx, code), issuance.id()).orElseThrow();
            return new Printout(issuance, BackendJson.read(json, IssuanceResponse.class).certificate());
        });
        audit.record(actor, "PRINT_CERTIFICATE", "issuance", certificateId, "OK", "copies=" + printout.issuance().copies());
        return printout;
    }

    /** Handed out or mailed: PRINTED; otherwise VOIDED (revoked) with {@code voidReason}. */
    Issuance close(Actor actor, String certificateId, boolean handedOut, String voidReason) {
        actor.require(Permission.ISSUE_CERTIFICATES);
        MunicipalityCode code = actor.municipality();
        String reason = null;
        if (!handedOut) {
            VoidReason why;
            try {
                why = VoidReason.valueOf(voidReason);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new BadInput("change.bad.reason");
            }
            if (why != VoidReason.MISPRINT && why != VoidReason.NOT_HANDED_OUT) {
                throw new BadInput("change.bad.reason");
            }
            reason = why.name();
        }
        String why = reason;
        return database.write(tx -> {
            Issuance issuance = counterIssuance(tx, code, certificateId);
            if (issuance.status() != IssuanceStatus.ISSUED) {
                throw new BadInput("counter.notOpen");
            }
            return outcomes.closeAtCounter(tx, issuance, handedOut ? IssuanceStatus.PRINTED : IssuanceStatus.VOIDED, why,
                    actor.userId(), actor.source());
        });
    }

    /** A window or postal issuance of the municipality with its counter facts. */
    record CounterRecord(Issuance issuance, CounterFacts facts, Optional<Issuance> replaces) {
    }

    CounterRecord find(Actor actor, String certificateId) {
        actor.require(Permission.ISSUE_CERTIFICATES);
        MunicipalityCode code = actor.municipality();
        return database.read(tx -> {
            Issuance issuance = counterIssuance(tx, code, certificateId);
            CounterFacts facts = counter.find(tx, code, issuance.id()).orElseThrow();
            Optional<Issuance> replaces = facts.replacesIssuanceId() == null ? Optional.empty()
                    : issuances.findById(tx, code, facts.replacesIssuanceId());
            return new CounterRecord(issuance, facts, replaces);
        });
    }

    /** An issuance of the own municipality; another's or none is NO_RECORD (404). */
    Issuance ownIssuance(Tx tx, MunicipalityCode code, String certificateId) throws SQLException {
        return issuances.findByCertificateId(tx, code, certificateId)
                .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such issuance"));
    }

    private Issuance counterIssuance(Tx tx, MunicipalityCode code, String certificateId) throws SQLException {
        Issuance issuance = ownIssuance(tx, code, certificateId);
        if (!isCounter(issuance.channel())) {
            throw new ShomeiException(ErrorCode.NO_RECORD, "not a window issuance");
        }
        return issuance;
    }

    private record Eligible(Municipality municipality, Resident resident, List<Vaccination> doses,
                            AlternativeName alternativeName) {
    }

    /** The kiosk's rules (IssuanceService) for a person standing at the counter: no birth-date check, no kiosk hours. */
    private Eligible eligible(Tx tx, MunicipalityCode code, String residentId, CertificateType type) throws SQLException {
        // stopped for a move to another shard: like the kiosks
        Municipality municipality = moveGuard.refuseIssueEarly(tx, code).orElseThrow();
        TenantCipher tenant = keyring.cipher(tx, code);
        Resident resident = residents.findById(tx, tenant, residentId)
                .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
        if (!resident.status().mayBeCertified()) {
            throw new BadInput("counter.refused.status");
        }
        if (residents.holdReason(tx, tenant, residentId).isPresent()) {
            throw new BadInput("counter.refused.held");
        }
        List<Vaccination> doses = vaccinations.list(tx, tenant, residentId);
        if (doses.isEmpty()) {
            throw new BadInput("counter.refused.noDoses");
        }
        if (type == CertificateType.OVERSEAS && !resident.hasPassportData()) {
            throw new BadInput("counter.refused.passport");
        }
        return new Eligible(municipality, resident, doses, alternativeNames.find(tx, tenant, residentId).orElse(null));
    }

    private Issuance signAndRecord(Actor actor, String residentId, Order order, Issuance lost) {
        MunicipalityCode code = actor.municipality();
        for (int attempt = 1; attempt <= ID_ATTEMPTS; attempt++) {
            Eligible eligible = database.read(tx -> eligible(tx, code, residentId, order.type()));
            Instant now = clock.instant();
            String certificateId = certificateIds.next(code);
            CertificateContent content = contents.build(certificateId, order.type(), eligible.municipality(),
                    eligible.resident(), eligible.alternativeName(), eligible.doses(), LocalDate.ofInstant(now, ServiceRules.ZONE));
            RevocableCertificate revocable = signer.sign(content, now);
            SignedCertificate signed = revocable.certificate();
            int fee = eligible.municipality().feePerCopyYen();
            String transactionId = (order.channel() == Channel.POSTAL ? "P-" : "W-") + Ids.random();
            Issuance issuance = new Issuance(Ids.random(), code, certificateId, residentId, order.type(), order.channel(),
                    null, transactionId, order.copies(), fee * order.copies(), now, IssuanceStatus.ISSUED, now, null);
            String json = BackendJson.writeString(new IssuanceResponse(transactionId, certificateId, code.value(), now,
                    IssuanceStatus.ISSUED, order.copies(), fee, fee * order.copies(), signed));
            String passportNumber = order.type() == CertificateType.OVERSEAS ? eligible.resident().passportNumber() : null;
            try {
                return database.write(tx -> {
                    moveGuard.refuseIssue(tx, code); // a move may have stopped it since the lookup
                    TenantCipher tenant = keyring.cipher(tx, code);
                    if (lost != null) {
                        voidAsLost(tx, actor, lost, certificateId, now);
                    }
                    issuances.insert(tx, tenant, issuance, passportNumber, json);
                    revocations.recordSigned(tx, issuance, revocable);
                    counter.insert(tx, code, new CounterFacts(issuance.id(), order.identity().name(), actor.userId(),
                            lost == null ? null : lost.id()));
                    audit.append(tx, actor, lost == null ? "COUNTER_ISSUE" : "COUNTER_REISSUE", "issuance", certificateId,
                            "OK", "channel=" + order.channel() + " type=" + order.type() + " copies=" + order.copies()
                                    + " identity=" + order.identity() + " transaction=" + transactionId
                                    + " resident=" + residentId + (lost == null ? "" : " replaces=" + lost.certificateId()));
                    return issuance;
                });
            } catch (UniqueViolationException e) {
                // a certificate id taken meanwhile (or the lost one replaced twice): the next attempt finds out which
                if (lost != null) {
                    requireNotReplaced(lost);
                }
            }
        }
        throw new ShomeiException(ErrorCode.INTERNAL, "no free certificate id after " + ID_ATTEMPTS + " attempts");
    }

    /** Voids the lost certificate inside the reissue's transaction; only a PRINTED one is reissued. */
    private void voidAsLost(Tx tx, Actor actor, Issuance lost, String replacement, Instant now) throws SQLException {
        Issuance current = ownIssuance(tx, lost.municipality(), lost.certificateId());
        if (current.status() != IssuanceStatus.PRINTED) {
            throw new BadInput("counter.bad.notPrinted");
        }
        if (!issuances.changeStatus(tx, current.municipality(), current.id(), IssuanceStatus.PRINTED, IssuanceStatus.VOIDED,
                VoidReason.LOST.name(), now)) {
            throw new BadInput("change.concurrent");
        }
        revocations.revoke(tx, current, now);
        audit.append(tx, actor, "VOID_ISSUANCE", "issuance", current.certificateId(), "OK", "from=PRINTED reason="
                + VoidReason.LOST + " resident=" + current.residentId() + " replacedBy=" + replacement);
    }

    private void requireNotReplaced(Issuance lost) {
        boolean replaced = database.read(tx -> counter.findReplacementOf(tx, lost.municipality(), lost.id()).isPresent());
        if (replaced) {
            throw new BadInput("counter.bad.notPrinted");
        }
    }
}
