package dev.shomei.record.importer;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.store.MunicipalityRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.store.DoseEntryRepository;
import dev.shomei.record.domain.Vaccination;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import dev.shomei.record.store.VaccinationRepository;
import java.io.IOException;
import java.io.Reader;
import java.lang.System.Logger.Level;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes residents into one municipality. {@link #importFile} is all-or-nothing: the file is read
 * and checked completely first, then written in one transaction; any problem (in the file, or a My
 * Number already held by another resident) writes nothing. A resident whose atena number exists is
 * replaced: fields, My Number and doses become the file's; their id (and issuance history) stays. Only what
 * differs is written: a resident whose fields, number, doses and alternative name equal the file's is left
 * alone (counted {@code unchanged}), and a dose is matched by its dose number, kept when equal and corrected in
 * place otherwise, so its id (and the site a clerk recorded for it) stays. A file without the {@code my_number}
 * column (the export's) keeps the numbers held and can add no resident.
 */
public final class ResidentImporter {
    private static final System.Logger LOG = System.getLogger(ResidentImporter.class.getName());
    private static final int PROGRESS_EVERY = 1_000;
    /** Residents looked up and written together; far below both engines' limits on a statement's parameters. */
    static final int CHUNK = 500;

    /** What an import did. */
    public record Report(int created, int replaced, int unchanged, int doses) {
        public int residents() {
            return created + replaced + unchanged;
        }
    }

    private final RecordStore store;
    private final VaccineCatalog catalog;
    private final Clock clock;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final AlternativeNameRepository alternativeNames = new AlternativeNameRepository();
    private final DoseEntryRepository doseEntries = new DoseEntryRepository();

    public ResidentImporter(RecordStore store, VaccineCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Imports a UTF-8 CSV file into the municipality (which must exist). */
    public Report importFile(MunicipalityCode municipality, Path file, String actor) throws IOException {
        requireMunicipality(municipality);
        List<ImportedResident> parsed;
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            parsed = new ResidentCsv(municipality, catalog, LocalDate.now(clock.withZone(ServiceRules.ZONE)))
                    .read(new java.io.BufferedReader(reader));
        } catch (CharacterCodingException e) {
            throw new ImportException(List.of("line " + MalformedUtf8.firstBadLine(file) + ": not UTF-8 text"));
        }
        LOG.log(Level.INFO, "import: file checked, {0} residents; writing", parsed.size());
        Report report = store.database().bulkWrite(tx -> {
            Report written = write(tx, municipality, parsed, true);
            store.audit().append(tx, new AuditEvent("OPERATOR", actor, null, "IMPORT", municipality, "municipality",
                    municipality.value(), "OK", "created=" + written.created() + " replaced=" + written.replaced()
                    + " unchanged=" + written.unchanged() + " doses=" + written.doses()));
            return written;
        });
        LOG.log(Level.INFO, "import: committed {0} residents ({1} new, {2} replaced, {3} unchanged), {4} doses",
                report.residents(), report.created(), report.replaced(), report.unchanged(), report.doses());
        return report;
    }

    /**
     * Writes residents inside the caller's transaction. With {@code replace} (an import), existing
     * atena numbers are replaced and a My Number held by another resident is an {@link
     * ImportException}; without (the generator), both are skipped. Residents are looked up and new ones
     * written {@value #CHUNK} at a time ({@link HoldersOfChunk}, {@link HeldRecords}, {@link NewResidentBatch});
     * each row sees the rows before it as written.
     */
    public Report write(Tx tx, MunicipalityCode municipality, List<ImportedResident> batch, boolean replace)
            throws SQLException {
        Run run = new Run(tx, store.keyring().cipher(tx, municipality), replace);
        for (int from = 0; from < batch.size(); from += CHUNK) {
            run.writeChunk(batch.subList(from, Math.min(batch.size(), from + CHUNK)));
        }
        if (!run.problems.isEmpty()) {
            throw new ImportException(run.problems);
        }
        return new Report(run.created, run.replaced, run.unchanged, run.doses);
    }

    /** One call of {@link #write}: its transaction, what it found wrong and what it counted. */
    private final class Run {
        private final Tx tx;
        private final TenantCipher tenant;
        private final boolean replace;
        private final NewResidentBatch added = new NewResidentBatch();
        private final List<String> problems = new ArrayList<>();
        private int created;
        private int replaced;
        private int unchanged;
        private int doses;

        Run(Tx tx, TenantCipher tenant, boolean replace) {
            this.tx = tx;
            this.tenant = tenant;
            this.replace = replace;
        }

        void writeChunk(List<ImportedResident> chunk) throws SQLException {
            HoldersOfChunk holders = HoldersOfChunk.read(tx, tenant, residents, chunk);
            HeldRecords held = replace ? HeldRecords.read(tx, tenant, holders.residentIdsFound()) : null;
            for (ImportedResident imported : chunk) {
                if (writeResident(imported, holders, held)) {
                    doses += imported.doses().size();
                    if ((created + replaced) % PROGRESS_EVERY == 0) {
                        LOG.log(Level.INFO, "import: {0} residents written (not committed yet)", created + replaced);
                    }
                }
            }
            added.write(tx, tenant, residents, vaccinations, alternativeNames);
        }

        /** Adds or replaces the resident, or counts why not; true when something was (or will be) written. */
        private boolean writeResident(ImportedResident imported, HoldersOfChunk holders, HeldRecords held)
                throws SQLException {
            Optional<String> existing = holders.ofAtenaNumber(imported.resident().atenaNumber());
            Optional<String> holder = imported.myNumber() == null ? Optional.empty() : holders.ofMyNumber(imported.myNumber());
            if (!replace && (existing.isPresent() || holder.isPresent())) {
                return false;
            }
            if (holder.isPresent() && !holder.equals(existing)) {
                problems.add("line " + imported.line() + ": my_number: already recorded for another resident of this municipality");
                return false;
            }
            if (imported.myNumber() == null && existing.isEmpty()) {
                problems.add("line " + imported.line() + ": my_number: required for a new resident (no resident has "
                        + "this atena_number)");
                return false;
            }
            if (existing.isEmpty()) {
                added.add(imported);
                holders.added(imported.resident().id(), imported.resident().atenaNumber(), imported.myNumber());
                created++;
                return true;
            }
            if (added.holds(existing.get())) { // the same atena number twice (a file cannot; a caller could)
                added.write(tx, tenant, residents, vaccinations, alternativeNames);
            }
            if (replaceChanged(tx, tenant, holders, imported, heldNow(tx, tenant, held, existing.get()))) {
                replaced++;
                return true;
            }
            unchanged++;
            return false;
        }
    }

    /** The resident as stored: as the chunk read it, or read again when this import has changed it since. */
    private static HeldRecords.Held heldNow(Tx tx, TenantCipher tenant, HeldRecords chunk, String id) throws SQLException {
        Optional<HeldRecords.Held> read = chunk.take(id);
        return read.isPresent() ? read.get() : HeldRecords.read(tx, tenant, List.of(id)).take(id).orElseThrow();
    }

    /** Writes what differs between the held resident and the file's; false when nothing did. */
    private boolean replaceChanged(Tx tx, TenantCipher tenant, HoldersOfChunk holders, ImportedResident imported,
            HeldRecords.Held stored) throws SQLException {
        boolean changed = false;
        String id = stored.resident().id();
        Resident wanted = withId(imported.resident(), id);
        if (!wanted.equals(stored.resident())) {
            residents.update(tx, tenant, wanted);
            changed = true;
        }
        if (imported.myNumber() != null && !imported.myNumber().equals(stored.myNumber())) {
            residents.replaceMyNumber(tx, tenant, id, imported.myNumber());
            holders.myNumberReplaced(id, imported.myNumber());
            changed = true;
        }
        Map<Integer, Vaccination> held = new HashMap<>();
        for (Vaccination dose : stored.doses()) {
            held.put(dose.doseNumber(), dose);
        }
        List<Vaccination> added = new ArrayList<>();
        for (Vaccination dose : imported.doses()) {
            Vaccination before = held.remove(dose.doseNumber());
            if (before == null) {
                added.add(dose);
            } else if (!dose.withId(before.id()).equals(before)) {
                vaccinations.update(tx, tenant, id, dose.withId(before.id()));
                changed = true;
            }
        }
        for (Vaccination gone : held.values()) {
            doseEntries.removeDose(tx, tenant, id, gone.id());
            changed = true;
        }
        if (!added.isEmpty()) {
            vaccinations.insertAll(tx, tenant, id, added);
            changed = true;
        }
        if (!Objects.equals(stored.alternativeName(), imported.alternativeName())) {
            alternativeNames.replace(tx, tenant, id, imported.alternativeName());
            changed = true;
        }
        return changed;
    }

    private void requireMunicipality(MunicipalityCode municipality) {
        if (store.database().read(tx -> new MunicipalityRepository().find(tx, municipality)).isEmpty()) {
            throw new ImportException(List.of("municipality " + municipality + " does not exist (create it first)"));
        }
    }

    private static Resident withId(Resident resident, String id) {
        return new Resident(id, resident.municipality(), resident.atenaNumber(), resident.status(), resident.nameKanji(),
                resident.nameKana(), resident.nameRoman(), resident.birthDate(), resident.sex(), resident.address(),
                resident.nationality(), resident.passportNumber(), resident.variantKanji());
    }
}
