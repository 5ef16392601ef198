package dev.shomei.record.store;

import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.DatabaseException;
import dev.shomei.record.db.Engine;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Vaccination;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals the doses that migration V100 moved out of the former plaintext {@code vaccination} table
 * into {@code vaccination_unsealed}: SQL cannot encrypt, and the migration has no master keys, so
 * {@link dev.shomei.record.RecordStore#open} runs this once the keys are checked, before anything
 * reads a dose. One transaction seals every waiting dose into {@code vaccination} (keeping its id
 * and times) and drops {@code vaccination_unsealed}; an interruption leaves the old table to be
 * sealed at the next start. A SQLite file is then compacted so that no page keeps the plaintext.
 */
public final class UnsealedDoses {
    private static final System.Logger LOG = System.getLogger(UnsealedDoses.class.getName());
    static final String TABLE = "vaccination_unsealed";
    private static final int BATCH = 2_000;

    private final TenantKeyring keyring;
    private final VaccinationRepository vaccinations = new VaccinationRepository();

    public UnsealedDoses(TenantKeyring keyring) {
        this.keyring = keyring;
    }

    /** Seals the waiting doses, if any; returns how many were sealed ({@code 0} when there was nothing to do). */
    public long sealAll(Database database) {
        long started = System.nanoTime();
        long sealed = database.bulkWrite(this::sealInTransaction);
        if (sealed > 0) {
            long compacting = System.nanoTime();
            try {
                database.compact();
            } catch (DatabaseException e) {
                // the doses are sealed and committed; refusing to start would not bring the compaction back
                LOG.log(Level.WARNING, "could not compact the database after sealing doses ({0}): free pages may keep "
                        + "the former plaintext until VACUUM runs (docs/operations.md)", e.getMessage());
            }
            LOG.log(Level.INFO, "sealed {0} dose record(s) stored before encryption (migration V100) in {1} ms, "
                    + "then compacted the database in {2} ms", sealed, (compacting - started) / 1_000_000,
                    (System.nanoTime() - compacting) / 1_000_000);
        }
        return Math.max(sealed, 0);
    }

    /** {@code -1} when the table is gone already (sealed before, or by a process that started at the same time). */
    private long sealInTransaction(Tx tx) throws SQLException {
        if (!exists(tx)) {
            return -1; // the usual case: nothing to do, and no lock taken
        }
        if (tx.engine() == Engine.POSTGRESQL) {
            // a second backend starting at the same moment waits here, then finds the table gone
            tx.execute("LOCK TABLE vaccination IN SHARE ROW EXCLUSIVE MODE");
            if (!exists(tx)) {
                return -1;
            }
        }
        long count = 0;
        String afterCode = "";
        String afterId = "";
        while (true) {
            List<Waiting> batch = tx.query("SELECT municipality_code, id, resident_id, dose_number, vaccinated_on, product, "
                    + "manufacturer, lot_number, ticket_number_enc, created_at, updated_at FROM " + TABLE
                    + " WHERE municipality_code > ? OR (municipality_code = ? AND id > ?) ORDER BY municipality_code, id "
                    + "LIMIT " + BATCH, row -> new Waiting(MunicipalityCode.of(row.getString(1)), row.getString(2),
                    row.getString(3), row.getInt(4), row.getString(5), row.getString(6), row.getString(7),
                    row.getString(8), row.getBytes(9), row.getLong(10), row.getLong(11)), afterCode, afterCode, afterId);
            if (batch.isEmpty()) {
                break;
            }
            List<Object[]> rows = new ArrayList<>(batch.size());
            for (Waiting dose : batch) {
                TenantCipher tenant = keyring.cipher(tx, dose.municipality());
                // the ticket number was sealed before V100 under the same table, column and id
                Vaccination plain = new Vaccination(dose.id(), dose.doseNumber(), LocalDate.parse(dose.date()),
                        dose.product(), dose.manufacturer(), dose.lot(),
                        tenant.open(VaccinationRepository.TABLE, "ticket_number_enc", dose.id(), dose.ticket()));
                rows.add(VaccinationRepository.sealedRow(tenant, dose.residentId(), plain, dose.createdAt(), dose.updatedAt()));
            }
            vaccinations.insertSealed(tx, rows);
            count += batch.size();
            Waiting last = batch.getLast();
            afterCode = last.municipality().value();
            afterId = last.id();
        }
        tx.execute("DROP TABLE " + TABLE);
        return count;
    }

    private static boolean exists(Tx tx) throws SQLException {
        return tx.engine() == Engine.SQLITE
                ? tx.queryLong("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", TABLE) > 0
                : tx.queryLong("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "AND table_name = ?", TABLE) > 0;
    }

    private record Waiting(MunicipalityCode municipality, String id, String residentId, int doseNumber, String date,
                           String product, String manufacturer, String lot, byte[] ticket, long createdAt, long updatedAt) {
        @Override
        public String toString() {
            return "Waiting[" + municipality + "/" + id + "]"; // never the dose's fields
        }
    }
}
