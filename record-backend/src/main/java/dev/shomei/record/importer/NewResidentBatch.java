package dev.shomei.record.importer;

import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The new residents of one chunk of an import, written together: one JDBC batch per table (resident, My
 * Number, doses, alternative names) instead of three or four statements per resident. A new resident has no
 * alternative name yet, so none is deleted first.
 */
final class NewResidentBatch {
    private final Map<Resident, MyNumber> residents = new LinkedHashMap<>();
    private final Map<String, List<Vaccination>> doses = new LinkedHashMap<>();
    private final Map<String, AlternativeName> alternativeNames = new LinkedHashMap<>();

    void add(ImportedResident imported) {
        String id = imported.resident().id();
        residents.put(imported.resident(), imported.myNumber());
        doses.put(id, imported.doses());
        if (imported.alternativeName() != null) {
            alternativeNames.put(id, imported.alternativeName());
        }
    }

    boolean holds(String residentId) {
        return doses.containsKey(residentId);
    }

    /** Writes what was added (resident rows first: the other tables refer to them) and starts empty again. */
    void write(Tx tx, TenantCipher tenant, ResidentRepository residentRepository, VaccinationRepository vaccinations,
            AlternativeNameRepository names) throws SQLException {
        residentRepository.insertAll(tx, tenant, residents);
        vaccinations.insertAll(tx, tenant, doses);
        names.insertAll(tx, tenant, alternativeNames);
        residents.clear();
        doses.clear();
        alternativeNames.clear();
    }
}
