package dev.shomei.record;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.store.MunicipalityRepository;
import dev.shomei.record.store.UnsealedDoses;

/**
 * The opened record store: database (schema migrated), master keys checked against it, the
 * per-municipality keyring and the audit log. What every command and the server start from.
 */
public final class RecordStore implements AutoCloseable {
    private final Database database;
    private final MasterKeys masterKeys;
    private final TenantKeyring keyring;
    private final AuditLog audit;
    private final MunicipalityRepository municipalities = new MunicipalityRepository();

    private RecordStore(Database database, MasterKeys masterKeys) {
        this.database = database;
        this.masterKeys = masterKeys;
        this.keyring = new TenantKeyring(masterKeys);
        this.audit = new AuditLog(masterKeys.auditKey());
    }

    /** Opens the database at {@code jdbcUrl} with the master keys in {@code masterKeyFile} (created on first use). */
    public static RecordStore open(String jdbcUrl, java.nio.file.Path masterKeyFile) {
        return open(jdbcUrl, null, masterKeyFile);
    }

    public static RecordStore open(String jdbcUrl, String replicaUrl, java.nio.file.Path masterKeyFile) {
        MasterKeys keys = MasterKeys.openOrCreate(masterKeyFile);
        Database database = Database.open(jdbcUrl, replicaUrl);
        try {
            RecordStore store = new RecordStore(database, keys);
            database.write(tx -> {
                store.keyring.verifyMasterKeys(tx);
                return null;
            });
            new UnsealedDoses(store.keyring).sealAll(database); // doses stored before V100 (docs/threat-model.md)
            return store;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public MasterKeys masterKeys() {
        return masterKeys;
    }

    public TenantKeyring keyring() {
        return keyring;
    }

    public AuditLog audit() {
        return audit;
    }

    public AuditVerifier auditVerifier() {
        return new AuditVerifier(database, audit);
    }

    /**
     * Creates the municipality with its keys when it is missing (an existing one is left as it is);
     * returns whether it was created.
     */
    public boolean ensureMunicipality(Municipality municipality, String actorType, String actor) {
        return database.write(tx -> {
            boolean created = municipalities.insertIfMissing(tx, municipality);
            keyring.ensureKeys(tx, municipality.code());
            if (created) {
                audit.append(tx, new AuditEvent(actorType, actor, null, "CREATE_MUNICIPALITY", municipality.code(),
                        "municipality", municipality.code().value(), "OK", null));
            }
            return created;
        });
    }

    /**
     * Sets the municipality's fee per copy, the one source of the fee: the center shows it to kiosks
     * at its next refresh, and each issuance records the fee in force when it was made (an open
     * issuance keeps its own). Audited with the amounts (public data).
     *
     * @return the fee before
     * @throws ShomeiException NO_RECORD for an unknown municipality, INVALID_REQUEST for a fee out of range
     */
    public int changeFee(MunicipalityCode code, int feePerCopyYen, String actorType, String actor) {
        return database.write(tx -> {
            Municipality before = municipalities.find(tx, code)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no municipality " + code.value()));
            Municipality after = new Municipality(code, before.nameJa(), before.nameEn(), before.mayorTitleJa(),
                    before.mayorTitleEn(), before.kioskParticipating(), before.offersOverseas(), feePerCopyYen,
                    before.opensAt(), before.closesAt());
            municipalities.update(tx, after);
            audit.append(tx, new AuditEvent(actorType, actor, null, "CHANGE_FEE", code, "municipality", code.value(), "OK",
                    "from=" + before.feePerCopyYen() + " to=" + feePerCopyYen));
            return before.feePerCopyYen();
        });
    }

    @Override
    public void close() {
        database.close();
    }
}
