package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.DoseEntryRepository;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.RetentionRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A supervisor's records entered by hand in their own municipality (issue 21): a new resident, a missing
 * dose (with its ticket number and site), a wrong dose removed, and a resident past the retention
 * period deleted. Each takes a {@link ChangeReason}; the audit entry names the reason and the fields
 * (codes, never values); removed values and the free-text note are sealed for the municipality only.
 * Bad input throws {@link BadInput} before anything is written.
 */
final class ClerkEntries {
    /** How long the records of a resident who moved out or died are kept (予防接種法施行令: 5年). */
    static final Period RETENTION = Period.ofYears(5);
    static final Pattern ATENA = Pattern.compile("[A-Za-z0-9-]{1,20}");
    static final Set<String> SEXES = Set.of("0", "1", "2", "9");
    private static final int NAME_MAX = 40;
    private static final int ADDRESS_MAX = 120;
    private static final int SITE_MAX = 60;

    /** A resident as typed into the registration form (the My Number is never shown back). */
    record NewResident(String atena, String myNumber, String familyKanji, String givenKanji, String familyKana,
                       String givenKana, String birthDate, String sex, String address) {
    }

    /** A dose as typed into the add-dose form: its number, its fields and where it was given. */
    record NewDose(String doseNumber, DoseForm.Typed fields, String site) {
    }

    private final Database database;
    private final TenantKeyring keyring;
    private final VaccineCatalog catalog;
    private final ConsoleAudit audit;
    private final Clock clock;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final DoseEntryRepository doseEntries = new DoseEntryRepository();
    private final RetentionRepository retention = new RetentionRepository();

    ClerkEntries(Database database, TenantKeyring keyring, VaccineCatalog catalog, ConsoleAudit audit, Clock clock) {
        this.database = database;
        this.keyring = keyring;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers a resident; returns their new id. */
    String addResident(Actor actor, NewResident input, String reasonCode, String note) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        ChangeReason reason = ChangeReason.parse(reasonCode);
        checkNote(note);
        if (!ATENA.matcher(input.atena()).matches()) {
            throw new BadInput("search.bad.atena");
        }
        if (!MyNumber.isValid(input.myNumber())) {
            throw new BadInput("entry.bad.myNumber");
        }
        String familyKanji = name(input.familyKanji(), true);
        String givenKanji = name(input.givenKanji(), false);
        String familyKana = name(input.familyKana(), false);
        String givenKana = name(input.givenKana(), false);
        LocalDate birth = IssuanceCriteria.birthDate(input.birthDate(), new ArrayList<>(), "x");
        if (birth == null || birth.isBefore(Resident.EARLIEST_BIRTH_DATE) || birth.isAfter(today())) {
            throw new BadInput("entry.bad.birth");
        }
        if (!SEXES.contains(input.sex())) {
            throw new BadInput("entry.bad.sex");
        }
        if (input.address().length() > ADDRESS_MAX || input.address().codePoints().anyMatch(Character::isISOControl)) {
            throw new BadInput("entry.bad.address");
        }
        MyNumber myNumber = MyNumber.of(input.myNumber());
        String id = Ids.random();
        List<String> fields = new ArrayList<>(List.of("atena", "myNumber", "nameKanji"));
        if (!familyKana.isEmpty()) {
            fields.add("nameKana");
        }
        fields.addAll(List.of("birthDate", "sex"));
        if (!input.address().isEmpty()) {
            fields.add("address");
        }
        return database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            if (residents.idOfAtenaNumber(tx, tenant, input.atena()).isPresent()) {
                throw new BadInput("entry.bad.atenaTaken");
            }
            if (residents.residentIdOf(tx, tenant, myNumber).isPresent()) {
                throw new BadInput("entry.bad.myNumberTaken");
            }
            residents.insert(tx, tenant, new Resident(id, code, input.atena(), ResidentStatus.ACTIVE,
                    new PersonName(familyKanji, givenKanji),
                    familyKana.isEmpty() ? null : new PersonName(familyKana, givenKana), null, birth, input.sex(),
                    input.address().isEmpty() ? null : input.address(), null, null, false), myNumber);
            audit.append(tx, actor, "ADD_RESIDENT", "resident", id, "OK",
                    detail(tenant, id, reason, fields, Map.of(), note));
            return id;
        });
    }

    /** Adds a dose the municipality did not have; returns the new dose's id. */
    String addDose(Actor actor, String residentId, NewDose input, String reasonCode, String note) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        ChangeReason reason = ChangeReason.parse(reasonCode);
        checkNote(note);
        int doseNumber;
        try {
            doseNumber = Integer.parseInt(input.doseNumber());
        } catch (NumberFormatException e) {
            doseNumber = 0;
        }
        if (doseNumber < 1 || doseNumber > 99) {
            throw new BadInput("entry.bad.doseNumber");
        }
        DoseForm.Checked checked = DoseForm.check(input.fields(), catalog, today(), true);
        if (input.site().isEmpty() || input.site().length() > SITE_MAX
                || input.site().codePoints().anyMatch(Character::isISOControl)) {
            throw new BadInput("entry.bad.site");
        }
        int number = doseNumber;
        String id = Ids.random();
        return database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            requireResident(tx, tenant, residentId);
            if (vaccinations.find(tx, tenant, residentId, number).isPresent()) {
                throw new BadInput("entry.bad.doseTaken");
            }
            vaccinations.insert(tx, tenant, residentId, checked.dose(id, number));
            doseEntries.setSite(tx, tenant, residentId, id, input.site());
            audit.append(tx, actor, "ADD_DOSE", "resident", residentId, "OK", "dose=" + number + " vaccination=" + id + " "
                    + detail(tenant, residentId, reason, withSite(DoseForm.FIELDS), Map.of(), note));
            return id;
        });
    }

    /** Removes a wrong dose; its values are kept sealed in the audit entry. */
    void removeDose(Actor actor, String residentId, String doseId, String reasonCode, String note) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        ChangeReason reason = ChangeReason.parse(reasonCode);
        checkNote(note);
        database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            requireResident(tx, tenant, residentId);
            Vaccination dose = vaccinations.list(tx, tenant, residentId).stream().filter(v -> v.id().equals(doseId))
                    .findFirst().orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such dose"));
            String site = doseEntries.site(tx, tenant, residentId, doseId).orElse(null);
            if (!doseEntries.removeDose(tx, tenant, residentId, doseId)) {
                throw new BadInput("change.concurrent");
            }
            Map<String, String> previous = DoseForm.values(dose);
            previous.put("site", site);
            audit.append(tx, actor, "REMOVE_DOSE", "resident", residentId, "OK", "dose=" + dose.doseNumber()
                    + " vaccination=" + doseId + " " + detail(tenant, residentId, reason,
                    withSite(DoseForm.FIELDS), previous, note));
            return null;
        });
    }

    /** The residents of the actor's municipality whose retention period has passed (at most {@code limit}). */
    List<RetentionRepository.Expired> expired(Actor actor, int limit) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        return database.read(tx -> retention.expired(tx, code, cutOff(), limit));
    }

    /**
     * Deletes a resident of the actor's municipality whose retention period has passed. A resident
     * still ACTIVE, changed within the period, with issuance records, or of another municipality is
     * not found (NO_RECORD) and nothing changes.
     */
    void deleteExpired(Actor actor, String residentId) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            RetentionRepository.Expired expired = retention.expired(tx, code, cutOff(), Integer.MAX_VALUE).stream()
                    .filter(e -> e.id().equals(residentId)).findFirst()
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no resident past retention"));
            doseEntries.removeSites(tx, tenant, residentId);
            if (!residents.delete(tx, tenant, residentId)) {
                throw new ShomeiException(ErrorCode.NO_RECORD, "no such resident");
            }
            audit.append(tx, actor, "DELETE_RESIDENT", "resident", residentId, "OK", "reason="
                    + ChangeReason.RETENTION_EXPIRED + " status=" + expired.status() + " atena=" + expired.atenaNumber()
                    + " lastChanged=" + LocalDate.ofInstant(expired.lastChanged(), ServiceRules.ZONE));
            return null;
        });
    }

    Instant cutOff() {
        return today().minus(RETENTION).atStartOfDay(ServiceRules.ZONE).toInstant();
    }

    /** The audit detail: reason and field codes in clear, the previous values and the note sealed. */
    static String detail(TenantCipher tenant, String targetId, ChangeReason reason, List<String> fields,
                         Map<String, String> previous, String note) {
        StringBuilder detail = new StringBuilder("reason=").append(reason).append(" fields=").append(String.join(",", fields));
        Map<String, String> sealed = new LinkedHashMap<>(previous);
        if (!note.isEmpty()) {
            sealed.put("note", note);
        }
        if (!sealed.isEmpty()) {
            String seal = PreviousValues.seal(tenant, targetId, sealed);
            detail.append(' ').append(previous.isEmpty() ? seal.replace("previous=", "note=") : seal);
        }
        return detail.toString();
    }

    private static List<String> withSite(List<String> doseFields) {
        List<String> fields = new ArrayList<>(doseFields);
        fields.add("site");
        return fields;
    }

    /** The free-text note: at most 200 characters, no control characters; it is sealed, never logged. */
    static void checkNote(String note) {
        if (note.length() > 200 || note.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadInput("change.bad.note");
        }
    }

    private static String name(String value, boolean required) {
        if (required && value.isEmpty() || value.length() > NAME_MAX
                || value.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadInput("entry.bad.name");
        }
        return value;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ServiceRules.ZONE);
    }

    private Resident requireResident(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return residents.findById(tx, tenant, residentId)
                .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
    }
}
