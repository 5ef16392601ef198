package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.domain.HoldReason;
import dev.shomei.record.domain.Issuance;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.revoke.Revocations;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A supervisor's changes to the records of their own municipality: correct a dose, set a resident
 * MOVED_OUT (still certified here) / DECEASED (refused), hold or release issuing for a resident with a
 * reason code (refused while held), void an issuance with a reason, register passport data. Each runs in one transaction with its audit entry, which keeps the previous values
 * (sealed, see {@link PreviousValues}). Bad input throws {@link BadInput} before anything is written.
 */
final class RecordChanges {
    static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{6,12}");
    static final Pattern ROMAN = Pattern.compile("[A-Z][A-Z '-]{0,38}");
    static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}");

    private final Database database;
    private final TenantKeyring keyring;
    private final VaccineCatalog catalog;
    private final ConsoleAudit audit;
    private final Clock clock;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final IssuanceRepository issuances = new IssuanceRepository();
    private final Revocations revocations = new Revocations();

    RecordChanges(Database database, TenantKeyring keyring, VaccineCatalog catalog, ConsoleAudit audit, Clock clock) {
        this.database = database;
        this.keyring = keyring;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    void correctDose(Actor actor, String residentId, String doseId, DoseForm.Typed typed, String reasonCode,
                     String note) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        ChangeReason reason = ChangeReason.parse(reasonCode);
        ClerkEntries.checkNote(note);
        DoseForm.Checked checked = DoseForm.check(typed, catalog, LocalDate.ofInstant(clock.instant(), ServiceRules.ZONE),
                false);
        database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            requireResident(tx, tenant, residentId);
            Vaccination before = vaccinations.list(tx, tenant, residentId).stream()
                    .filter(dose -> dose.id().equals(doseId)).findFirst()
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such dose"));
            Vaccination after = checked.dose(before.id(), before.doseNumber());
            vaccinations.update(tx, tenant, residentId, after);
            // the audit names the fields that changed (codes); their previous values stay sealed
            audit.append(tx, actor, "CORRECT_DOSE", "resident", residentId, "OK",
                    "dose=" + before.doseNumber() + " vaccination=" + before.id() + " " + ClerkEntries.detail(tenant,
                    residentId, reason, DoseForm.changed(before, after), DoseForm.values(before), note));
            return null;
        });
    }

    void setStatus(Actor actor, String residentId, String status) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        ResidentStatus target;
        try {
            target = ResidentStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new BadInput("change.bad.status");
        }
        database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            Resident before = requireResident(tx, tenant, residentId);
            if (before.status() == target) {
                return null;
            }
            residents.setStatus(tx, tenant, residentId, target);
            audit.append(tx, actor, "SET_STATUS", "resident", residentId, "OK", "from=" + before.status() + " to=" + target);
            return null;
        });
    }

    /** Stops issuing for the resident, for a reason code (no free text: nothing personal is written down). */
    void hold(Actor actor, String residentId, String reason) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        HoldReason why;
        try {
            why = HoldReason.valueOf(reason);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInput("change.bad.holdReason");
        }
        database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            requireResident(tx, tenant, residentId);
            java.util.Optional<HoldReason> before = residents.holdReason(tx, tenant, residentId);
            if (before.equals(java.util.Optional.of(why))) {
                return null;
            }
            residents.setHold(tx, tenant, residentId, why);
            audit.append(tx, actor, "HOLD_RESIDENT", "resident", residentId, "OK",
                    "reason=" + why + before.map(previous -> " from=" + previous).orElse(""));
            return null;
        });
    }

    /** Lifts the resident's hold: certificates are issued again. */
    void releaseHold(Actor actor, String residentId) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            requireResident(tx, tenant, residentId);
            java.util.Optional<HoldReason> before = residents.holdReason(tx, tenant, residentId);
            if (before.isEmpty()) {
                return null;
            }
            residents.setHold(tx, tenant, residentId, null);
            audit.append(tx, actor, "RELEASE_HOLD", "resident", residentId, "OK", "from=" + before.get());
            return null;
        });
    }

    void registerPassport(Actor actor, String residentId, String passport, String family, String given,
                          String nationality) {
        actor.require(Permission.CHANGE_RECORDS);
        storePassport(actor, residentId, passport, family, given, nationality);
    }

    /** The same registration in the window issuance's flow (issue 21), by a user who may issue there. */
    void registerPassportAtCounter(Actor actor, String residentId, String passport, String family, String given,
                                   String nationality) {
        actor.require(Permission.ISSUE_CERTIFICATES);
        storePassport(actor, residentId, passport, family, given, nationality);
    }

    private void storePassport(Actor actor, String residentId, String passport, String family, String given,
                               String nationality) {
        MunicipalityCode code = actor.municipality();
        String number = passport.toUpperCase(java.util.Locale.ROOT);
        String familyName = family.toUpperCase(java.util.Locale.ROOT);
        String givenName = given.toUpperCase(java.util.Locale.ROOT);
        String country = nationality.toUpperCase(java.util.Locale.ROOT);
        if (!PASSPORT.matcher(number).matches()) {
            throw new BadInput("change.bad.passport");
        }
        if (!ROMAN.matcher(familyName).matches() || !givenName.isEmpty() && !ROMAN.matcher(givenName).matches()) {
            throw new BadInput("change.bad.roman");
        }
        if (!NATIONALITY.matcher(country).matches()) {
            throw new BadInput("change.bad.nationality");
        }
        database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            Resident before = requireResident(tx, tenant, residentId);
            Resident after = new Resident(before.id(), before.municipality(), before.atenaNumber(), before.status(),
                    before.nameKanji(), before.nameKana(), new PersonName(familyName, givenName), before.birthDate(),
                    before.sex(), before.address(), country, number, before.variantKanji());
            residents.update(tx, tenant, after);
            Map<String, String> previous = new LinkedHashMap<>();
            previous.put("passport", before.passportNumber());
            previous.put("romanFamily", before.nameRoman() == null ? null : before.nameRoman().family());
            previous.put("romanGiven", before.nameRoman() == null ? null : before.nameRoman().given());
            previous.put("nationality", before.nationality());
            audit.append(tx, actor, "REGISTER_PASSPORT", "resident", residentId, "OK",
                    PreviousValues.seal(tenant, residentId, previous));
            return null;
        });
    }

    /** Voids an ISSUED or PRINTED issuance; returns the resident's id. */
    String voidIssuance(Actor actor, String certificateId, String reason, String note) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        VoidReason why;
        try {
            why = VoidReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            throw new BadInput("change.bad.reason");
        }
        if (note.length() > 200 || note.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadInput("change.bad.note");
        }
        return database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            Issuance issuance = issuances.findByCertificateId(tx, code, certificateId)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such issuance"));
            if (issuance.status() == IssuanceStatus.VOIDED) {
                throw new BadInput("change.alreadyVoided");
            }
            Instant now = clock.instant();
            if (!issuances.changeStatus(tx, code, issuance.id(), issuance.status(), IssuanceStatus.VOIDED, why.name(), now)) {
                throw new BadInput("change.concurrent");
            }
            revocations.revoke(tx, issuance, now);
            Map<String, String> sealed = new LinkedHashMap<>();
            sealed.put("note", note);
            audit.append(tx, actor, "VOID_ISSUANCE", "issuance", certificateId, "OK", "from=" + issuance.status()
                    + " reason=" + why + " resident=" + issuance.residentId()
                    + (note.isEmpty() ? "" : " " + PreviousValues.seal(tenant, certificateId, sealed).replace("previous=", "note=")));
            return issuance.residentId();
        });
    }

    private Resident requireResident(dev.shomei.record.db.Tx tx, TenantCipher tenant, String residentId)
            throws java.sql.SQLException {
        return residents.findById(tx, tenant, residentId)
                .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
    }
}
