package dev.shomei.record.generate;

import dev.shomei.record.RecordStore;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.importer.ImportException;
import dev.shomei.record.importer.ImportedResident;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.store.MunicipalityRepository;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code generate}: adds synthetic residents to a municipality (creating a built-in municipality
 * first when it is missing), in transactions of {@value #BATCH}. Residents whose atena number
 * exists already are skipped, as is (very rarely) one whose random My Number is taken.
 */
public final class ResidentGenerator {
    private static final System.Logger LOG = System.getLogger(ResidentGenerator.class.getName());
    private static final int BATCH = 1_000;

    private final RecordStore store;
    private final ResidentImporter importer;

    public ResidentGenerator(RecordStore store, ResidentImporter importer) {
        this.store = store;
        this.importer = importer;
    }

    /** Adds {@code count} residents; returns how many were new. */
    public int generate(MunicipalityCode code, int count, long seed, String actor) {
        Municipality municipality = ensureMunicipality(code, actor);
        SyntheticResidents synthetic = new SyntheticResidents(code, municipality.nameJa(), seed);
        int created = 0;
        for (int from = 0; from < count; from += BATCH) {
            List<ImportedResident> batch = new ArrayList<>(synthetic.range(from, Math.min(count, from + BATCH)));
            created += writeBatch(code, batch, actor);
            LOG.log(Level.INFO, "generate: {0} of {1} residents done for {2}", Math.min(count, from + BATCH), count, code);
        }
        return created;
    }

    private int writeBatch(MunicipalityCode code, List<ImportedResident> batch, String actor) {
        return store.database().bulkWrite(tx -> {
            int created = importer.write(tx, code, batch, false).created();
            store.audit().append(tx, new AuditEvent("OPERATOR", actor, null, "GENERATE", code, "municipality",
                    code.value(), "OK", "created=" + created));
            return created;
        });
    }

    /** The municipality, created from the built-in list when missing; an unknown code must exist already. */
    public Municipality ensureMunicipality(MunicipalityCode code, String actor) {
        var existing = store.database().read(tx -> new MunicipalityRepository().find(tx, code));
        if (existing.isPresent()) {
            return existing.get();
        }
        Municipality builtIn = BuiltInMunicipalities.find(code).orElseThrow(() -> new ImportException(List.of(
                "municipality " + code + " does not exist and is not built in (built in: "
                        + String.join(" ", BuiltInMunicipalities.all().stream().map(m -> m.code().value()).toList()) + ")")));
        store.ensureMunicipality(builtIn, "OPERATOR", actor);
        return builtIn;
    }
}
