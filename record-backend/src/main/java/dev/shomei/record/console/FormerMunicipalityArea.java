package dev.shomei.record.console;

import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.ProvisionRepository;
import dev.shomei.record.store.ProvisionRepository.Outcome;
import dev.shomei.record.store.ProvisionRepository.Provision;
import dev.shomei.record.store.ProvisionRepository.Side;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.users.Actor;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The former municipality's side of a transfer (issue 21 point 3): inside its own area (its tenant key), it
 * looks the My Number up through its keyed lookup and answers with the doses only when the number is held
 * there. It keeps its own provision record and an entry in its own audit chain (who asked from which
 * municipality, the outcome, codes only). Runs in the asking side's transaction, so both records commit or
 * neither does.
 */
final class FormerMunicipalityArea {
    /** What the former municipality answered. */
    record Reply(Outcome outcome, List<Vaccination> doses) {
    }

    private final TenantKeyring keyring;
    private final AuditLog audit;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final ProvisionRepository provisions = new ProvisionRepository();

    FormerMunicipalityArea(TenantKeyring keyring, AuditLog audit) {
        this.keyring = keyring;
        this.audit = audit;
    }

    Reply answer(Tx tx, Actor asker, String exchangeId, MunicipalityCode former, MyNumber number, Instant at)
            throws SQLException {
        MunicipalityCode requesting = asker.municipality();
        TenantCipher tenant = keyring.cipher(tx, former);
        Optional<String> residentId = residents.residentIdOf(tx, tenant, number);
        List<Vaccination> doses = residentId.isPresent() ? vaccinations.list(tx, tenant, residentId.get()) : List.of();
        Outcome outcome = residentId.isPresent() ? Outcome.PROVIDED : Outcome.NOT_HELD;
        provisions.insert(tx, tenant, new Provision(exchangeId, Side.PROVIDED, requesting, former, asker.userId(), at,
                outcome, doses.size(), residentId.orElse(null), null, null, null), null);
        audit.append(tx, new AuditEvent("CLERK", asker.userId(), asker.source(), "PROVIDE_RECORDS", former,
                residentId.isPresent() ? "resident" : "municipality", residentId.orElse(requesting.value()), outcome.name(),
                "provision=" + exchangeId + " requester=" + requesting.value() + " doses=" + doses.size()));
        return new Reply(outcome, doses);
    }
}
