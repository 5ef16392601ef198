package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.DoseEntryRepository;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.MunicipalityRepository;
import dev.shomei.record.store.ProvisionRepository;
import dev.shomei.record.store.ProvisionRepository.Outcome;
import dev.shomei.record.store.ProvisionRepository.Provision;
import dev.shomei.record.store.ProvisionRepository.Side;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Transfers between municipalities (issue 21 point 3; seed II-5, III-5): with the resident's consent, a
 * supervisor of the new municipality asks the former municipality for its vaccination records, giving the
 * My Number and the former municipality's code; the former municipality's area answers only when it holds
 * that number ({@link FormerMunicipalityArea}). Both sides keep a provision record (情報提供等の記録) and an
 * audit entry, codes only. The received doses can then be taken over into the new municipality's record, with
 * a reason; each keeps its source municipality.
 *
 * <p>The My Number arrives as characters, is wiped here, and is checked against the asking municipality's own
 * record of the resident (one may ask only about the person in front of the counter); it is never stored,
 * logged or shown.
 */
final class Transfers {
    /** The asking side's record with the doses it received (empty unless PROVIDED). */
    record Answer(Provision provision, List<Vaccination> doses) {
    }

    /** The dose numbers taken over, and those skipped because the resident already had a dose of that number. */
    record TakeOver(List<Integer> taken, List<Integer> skipped) {
    }

    private final Database database;
    private final TenantKeyring keyring;
    private final ConsoleAudit audit;
    private final FormerMunicipalityArea former;
    private final Clock clock;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final MunicipalityRepository municipalities = new MunicipalityRepository();
    private final ProvisionRepository provisions = new ProvisionRepository();

    Transfers(Database database, TenantKeyring keyring, ConsoleAudit audit, FormerMunicipalityArea former, Clock clock) {
        this.database = database;
        this.keyring = keyring;
        this.audit = audit;
        this.former = former;
        this.clock = clock;
    }

    /**
     * Asks the former municipality for the records of the resident; returns the exchange id. {@code myNumber}
     * is wiped before this returns.
     */
    String ask(Actor actor, String residentId, char[] myNumber, String formerCode, boolean consent) {
        MyNumber number;
        try {
            actor.require(Permission.CHANGE_RECORDS);
            if (!MyNumber.isValid(new String(myNumber))) {
                throw new BadInput("transfer.bad.myNumber");
            }
            number = MyNumber.of(new String(myNumber));
        } finally {
            Arrays.fill(myNumber, '\0');
        }
        MunicipalityCode code = actor.municipality();
        if (!MunicipalityCode.isValid(formerCode)) {
            throw new BadInput("transfer.bad.municipality");
        }
        MunicipalityCode source = MunicipalityCode.of(formerCode);
        if (source.equals(code)) {
            throw new BadInput("transfer.bad.ownMunicipality");
        }
        if (!consent) {
            throw new BadInput("transfer.bad.consent");
        }
        String id = Ids.random();
        Instant now = clock.instant();
        try {
            return database.write(tx -> {
                TenantCipher tenant = keyring.cipher(tx, code);
                residents.findById(tx, tenant, residentId)
                        .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
                if (municipalities.find(tx, source).isEmpty()) {
                    throw new BadInput("transfer.bad.municipality");
                }
                if (!residents.hasMyNumber(tx, tenant, residentId, number)) {
                    throw new NotThisResident();
                }
                FormerMunicipalityArea.Reply reply = former.answer(tx, actor, id, source, number, now);
                provisions.insert(tx, tenant, new Provision(id, Side.REQUESTED, code, source, actor.userId(), now,
                        reply.outcome(), reply.doses().size(), residentId, null, null, null),
                        reply.outcome() == Outcome.PROVIDED ? ReceivedDoses.write(reply.doses()) : null);
                audit.append(tx, actor, "REQUEST_RECORDS", "resident", residentId, reply.outcome().name(),
                        "provision=" + id + " provider=" + source.value() + " doses=" + reply.doses().size());
                return id;
            });
        } catch (NotThisResident e) {
            // asking about someone other than the resident at the counter: refused, and the attempt is audited
            audit.record(actor, "REQUEST_RECORDS", "resident", residentId, "NOT_THIS_RESIDENT",
                    "provider=" + source.value());
            throw new BadInput("transfer.bad.notThisResident");
        }
    }

    /** The asking or the providing side's record of an exchange, with the doses received (asking side only). */
    Answer answer(Actor actor, String provisionId) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        return database.read(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            Provision provision = provisions.find(tx, tenant, provisionId)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such provision"));
            List<Vaccination> doses = provisions.answer(tx, tenant, provisionId)
                    .map(text -> ReceivedDoses.read(text, () -> "received")).orElse(List.of());
            return new Answer(provision, doses);
        });
    }

    /** Takes the received doses over into the resident's record; dose numbers the resident has already are skipped. */
    TakeOver takeOver(Actor actor, String provisionId, String reasonCode, String note) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        ChangeReason reason = ChangeReason.parse(reasonCode);
        ClerkEntries.checkNote(note);
        Instant now = clock.instant();
        return database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            Provision provision = provisions.find(tx, tenant, provisionId)
                    .filter(p -> p.side() == Side.REQUESTED && p.outcome() == Outcome.PROVIDED)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no provided records"));
            if (provision.takenOver()) {
                throw new BadInput("transfer.bad.takenOver");
            }
            String residentId = provision.residentId();
            residents.findById(tx, tenant, residentId)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
            Set<Integer> held = vaccinations.list(tx, tenant, residentId).stream().map(Vaccination::doseNumber)
                    .collect(Collectors.toSet());
            List<Vaccination> taken = new ArrayList<>();
            List<Integer> skipped = new ArrayList<>();
            for (Vaccination dose : ReceivedDoses.read(provisions.answer(tx, tenant, provisionId).orElse(""), Ids::random)) {
                if (held.contains(dose.doseNumber())) {
                    skipped.add(dose.doseNumber());
                } else {
                    taken.add(dose);
                }
            }
            vaccinations.insertAll(tx, tenant, residentId, taken);
            for (Vaccination dose : taken) {
                provisions.recordDoseSource(tx, tenant, residentId, dose.id(), provision.providing(), provisionId, now);
            }
            if (!provisions.markTakenOver(tx, tenant, provisionId, actor.userId(), now, taken.size())) {
                throw new BadInput("change.concurrent");
            }
            List<Integer> numbers = taken.stream().map(Vaccination::doseNumber).toList();
            audit.append(tx, actor, "TAKE_OVER_DOSES", "resident", residentId, "OK", "provision=" + provisionId
                    + " provider=" + provision.providing().value() + " doses=" + join(numbers) + " skipped=" + join(skipped)
                    + " " + ClerkEntries.detail(tenant, residentId, reason, DoseForm.FIELDS,
                    Map.of(), note));
            return new TakeOver(numbers, skipped);
        });
    }

    /** The municipality's provision records, both sides, newest first. */
    List<Provision> provisions(Actor actor, int limit) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        return database.read(tx -> provisions.list(tx, code, limit));
    }

    private static String join(List<Integer> numbers) {
        return numbers.isEmpty() ? "-" : numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The typed My Number is not the one the asking municipality holds for this resident. */
    private static final class NotThisResident extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotThisResident() {
            super("not this resident", null, false, false);
        }
    }
}
