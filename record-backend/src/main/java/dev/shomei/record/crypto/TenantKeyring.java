package dev.shomei.record.crypto;

import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-municipality keys: a data key (AES-256-GCM for personal fields) and a lookup key (HMAC-SHA256
 * for the My Number index), each random, stored in {@code municipality_key} wrapped by a master key.
 * Unwrapped keys stay in memory for the life of the process.
 */
public final class TenantKeyring {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DATA = "data";
    private static final String LOOKUP = "lookup";

    private final MasterKeys masterKeys;
    private final ConcurrentMap<MunicipalityCode, TenantCipher> unwrapped = new ConcurrentHashMap<>();

    public TenantKeyring(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    /**
     * Checks that the master key store belongs to this database (by check values recorded in
     * {@code meta} on first use) and records the check values of new master keys.
     */
    public void verifyMasterKeys(Tx tx) throws SQLException {
        List<String> recorded = tx.query("SELECT name FROM meta WHERE name LIKE 'master_kcv:%'", row -> row.getString(1));
        List<String> available = masterKeys.masterAliases();
        for (String name : recorded) {
            String alias = name.substring("master_kcv:".length());
            if (!available.contains(alias)) {
                throw new CryptoException("the master key store lacks " + alias + ", which this database uses");
            }
            String expected = tx.queryOne("SELECT value FROM meta WHERE name = ?", row -> row.getString(1), name).orElseThrow();
            if (!expected.equals(masterKeys.checkValue(alias))) {
                throw new CryptoException("the master key store does not belong to this database (" + alias + ")");
            }
        }
        for (String alias : available) {
            if (!recorded.contains("master_kcv:" + alias)) {
                tx.update("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                        "master_kcv:" + alias, masterKeys.checkValue(alias));
            }
        }
    }

    /** Generates and stores the keys of a new municipality; does nothing when it has keys already. */
    public void ensureKeys(Tx tx, MunicipalityCode code) throws SQLException {
        if (load(tx, code).isPresent()) {
            return;
        }
        byte[] dataKey = randomKey();
        byte[] lookupKey = randomKey();
        try {
            String alias = masterKeys.currentAlias();
            SecretKey master = masterKeys.masterKey(alias);
            tx.update("INSERT INTO municipality_key (municipality_code, master_key_alias, data_key_wrapped, "
                            + "lookup_key_wrapped, created_at) VALUES (?, ?, ?, ?, ?)",
                    code.value(), alias, Aead.seal(master, dataKey, wrapContext(code, DATA, alias)),
                    Aead.seal(master, lookupKey, wrapContext(code, LOOKUP, alias)), System.currentTimeMillis());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(lookupKey, (byte) 0);
        }
    }

    /** The municipality's cipher; fails when the municipality has no keys. */
    public TenantCipher cipher(Tx tx, MunicipalityCode code) throws SQLException {
        TenantCipher cached = unwrapped.get(code);
        if (cached != null) {
            return cached;
        }
        TenantCipher cipher = load(tx, code)
                .orElseThrow(() -> new CryptoException("municipality " + code + " has no data key"));
        unwrapped.putIfAbsent(code, cipher);
        return cipher;
    }

    /** Re-wraps every municipality key under the newest master key; returns how many changed. */
    public int rewrapAll(Tx tx) throws SQLException {
        String current = masterKeys.currentAlias();
        record Wrapped(String code, String alias, byte[] data, byte[] lookup) {
        }
        List<Wrapped> rows = tx.query("SELECT municipality_code, master_key_alias, data_key_wrapped, lookup_key_wrapped "
                        + "FROM municipality_key WHERE master_key_alias <> ?",
                row -> new Wrapped(row.getString(1), row.getString(2), row.getBytes(3), row.getBytes(4)), current);
        for (Wrapped row : rows) {
            MunicipalityCode code = MunicipalityCode.of(row.code());
            SecretKey old = masterKeys.masterKey(row.alias());
            SecretKey fresh = masterKeys.masterKey(current);
            byte[] data = Aead.open(old, row.data(), wrapContext(code, DATA, row.alias()));
            byte[] lookup = Aead.open(old, row.lookup(), wrapContext(code, LOOKUP, row.alias()));
            try {
                tx.update("UPDATE municipality_key SET master_key_alias = ?, data_key_wrapped = ?, lookup_key_wrapped = ? "
                                + "WHERE municipality_code = ?", current,
                        Aead.seal(fresh, data, wrapContext(code, DATA, current)),
                        Aead.seal(fresh, lookup, wrapContext(code, LOOKUP, current)), code.value());
            } finally {
                Arrays.fill(data, (byte) 0);
                Arrays.fill(lookup, (byte) 0);
            }
        }
        return rows.size();
    }

    /**
     * Copies the municipality's keys to another database ({@code backend move-municipality}): unwrapped
     * under this store's master key, wrapped under {@code target}'s current one (the same bytes when the
     * target uses the same master key). Fails when the municipality has no keys here.
     */
    public void copyKeys(Tx from, Tx to, MunicipalityCode code, TenantKeyring target) throws SQLException {
        record Wrapped(String alias, byte[] data, byte[] lookup, long createdAt) {
        }
        Wrapped row = from.queryOne("SELECT master_key_alias, data_key_wrapped, lookup_key_wrapped, created_at "
                        + "FROM municipality_key WHERE municipality_code = ?",
                r -> new Wrapped(r.getString(1), r.getBytes(2), r.getBytes(3), r.getLong(4)), code.value())
                .orElseThrow(() -> new CryptoException("municipality " + code + " has no data key"));
        SecretKey old = masterKeys.masterKey(row.alias());
        String alias = target.masterKeys.currentAlias();
        SecretKey fresh = target.masterKeys.masterKey(alias);
        byte[] data = Aead.open(old, row.data(), wrapContext(code, DATA, row.alias()));
        byte[] lookup = Aead.open(old, row.lookup(), wrapContext(code, LOOKUP, row.alias()));
        try {
            to.update("INSERT INTO municipality_key (municipality_code, master_key_alias, data_key_wrapped, "
                            + "lookup_key_wrapped, created_at) VALUES (?, ?, ?, ?, ?)", code.value(), alias,
                    Aead.seal(fresh, data, wrapContext(code, DATA, alias)),
                    Aead.seal(fresh, lookup, wrapContext(code, LOOKUP, alias)), row.createdAt());
        } finally {
            Arrays.fill(data, (byte) 0);
            Arrays.fill(lookup, (byte) 0);
        }
    }

    /** Forgets the unwrapped keys of a municipality that left this database. */
    public void forget(MunicipalityCode code) {
        unwrapped.remove(code);
    }

    private Optional<TenantCipher> load(Tx tx, MunicipalityCode code) throws SQLException {
        return tx.queryOne("SELECT master_key_alias, data_key_wrapped, lookup_key_wrapped FROM municipality_key "
                + "WHERE municipality_code = ?", row -> {
                    String alias = row.getString(1);
                    SecretKey master = masterKeys.masterKey(alias);
                    byte[] data = Aead.open(master, row.getBytes(2), wrapContext(code, DATA, alias));
                    byte[] lookup = Aead.open(master, row.getBytes(3), wrapContext(code, LOOKUP, alias));
                    try {
                        return new TenantCipher(code, new SecretKeySpec(data, "AES"), new SecretKeySpec(lookup, "HmacSHA256"));
                    } finally {
                        Arrays.fill(data, (byte) 0);
                        Arrays.fill(lookup, (byte) 0);
                    }
                }, code.value());
    }

    private static byte[] wrapContext(MunicipalityCode code, String purpose, String masterAlias) {
        return ("shomei/municipality-key/" + code.value() + "/" + purpose + "/" + masterAlias)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
