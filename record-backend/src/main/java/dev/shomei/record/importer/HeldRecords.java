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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the residents an import chunk replaces hold now — record, My Number, doses, alternative name — read
 * in four queries for the chunk instead of four per resident. Each is handed out once ({@link #take}): after
 * the chunk has rewritten a resident, what was read before is stale.
 */
final class HeldRecords {
    /** One resident as stored. */
    record Held(Resident resident, MyNumber myNumber, List<Vaccination> doses, AlternativeName alternativeName) {
        @Override
        public String toString() {
            return "Held[" + resident.id() + "]";
        }
    }

    private final Map<String, Resident> residents;
    private final Map<String, MyNumber> myNumbers;
    private final Map<String, List<Vaccination>> doses;
    private final Map<String, AlternativeName> alternativeNames;

    private HeldRecords(Map<String, Resident> residents, Map<String, MyNumber> myNumbers,
            Map<String, List<Vaccination>> doses, Map<String, AlternativeName> alternativeNames) {
        this.residents = residents;
        this.myNumbers = myNumbers;
        this.doses = doses;
        this.alternativeNames = alternativeNames;
    }

    static HeldRecords read(Tx tx, TenantCipher tenant, Collection<String> residentIds) throws SQLException {
        ResidentRepository residents = new ResidentRepository();
        return new HeldRecords(residents.findAllById(tx, tenant, residentIds), residents.myNumbersOf(tx, tenant, residentIds),
                new VaccinationRepository().listAll(tx, tenant, residentIds),
                new AlternativeNameRepository().findAll(tx, tenant, residentIds));
    }

    /** The resident as stored when the chunk was read, once; empty when not read or already taken. */
    Optional<Held> take(String residentId) {
        Resident resident = residents.remove(residentId);
        if (resident == null) {
            return Optional.empty();
        }
        return Optional.of(new Held(resident, myNumbers.remove(residentId),
                Optional.ofNullable(doses.remove(residentId)).orElse(List.of()), alternativeNames.remove(residentId)));
    }
}
