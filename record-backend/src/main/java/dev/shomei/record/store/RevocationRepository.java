package dev.shomei.record.store;

import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revocation ids of each issuance and the published revocation lists (schema V130). A list
 * only grows: an entry is added once, and each addition raises the list's {@code ctr} by one.
 */
public final class RevocationRepository {
    /** What an issuance's QR codes can be revoked by. */
    public record RevocationIds(String shcKid, String shcRid, String vdsUvci) {
    }

    /** A list as stored: its counter, when it last changed, its entries in the order they were added. */
    public record StoredList(long ctr, Instant changedAt, List<String> entries) {
    }

    public void recordIds(Tx tx, MunicipalityCode code, String issuanceId, RevocationIds ids) throws SQLException {
        tx.update("INSERT INTO issuance_revocation_id (municipality_code, issuance_id, shc_kid, shc_rid, vds_uvci) "
                + "VALUES (?, ?, ?, ?, ?)", code.value(), issuanceId, ids.shcKid(), ids.shcRid(), ids.vdsUvci());
    }

    public Optional<RevocationIds> ids(Tx tx, MunicipalityCode code, String issuanceId) throws SQLException {
        return tx.queryOne("SELECT shc_kid, shc_rid, vds_uvci FROM issuance_revocation_id "
                        + "WHERE municipality_code = ? AND issuance_id = ?",
                row -> new RevocationIds(row.getString(1), row.getString(2), row.getString(3)), code.value(), issuanceId);
    }

    /**
     * Adds {@code entry} to the list {@code name} (created at ctr 0 if new) and raises its ctr;
     * returns false, changing nothing, when the entry is there already. The ctr update locks the
     * list's row, so concurrent revocations in one list are counted one by one.
     */
    public boolean add(Tx tx, String name, String entry, Instant at) throws SQLException {
        tx.update("INSERT INTO revocation_list (name, ctr, changed_at) VALUES (?, 0, ?) ON CONFLICT (name) DO NOTHING",
                name, at.toEpochMilli());
        tx.update("UPDATE revocation_list SET ctr = ctr + 1, changed_at = ? WHERE name = ?", at.toEpochMilli(), name);
        if (tx.queryLong("SELECT count(*) FROM revocation_entry WHERE list_name = ? AND entry = ?", name, entry) > 0) {
            // already listed: undo the raise (same transaction, row still locked by us)
            tx.update("UPDATE revocation_list SET ctr = ctr - 1 WHERE name = ?", name);
            return false;
        }
        long ctr = tx.queryLong("SELECT ctr FROM revocation_list WHERE name = ?", name);
        tx.update("INSERT INTO revocation_entry (list_name, entry, position, revoked_at) VALUES (?, ?, ?, ?)",
                name, entry, ctr, at.toEpochMilli());
        return true;
    }

    public Optional<StoredList> list(Tx tx, String name) throws SQLException {
        Optional<long[]> head = tx.queryOne("SELECT ctr, changed_at FROM revocation_list WHERE name = ?",
                row -> new long[] {row.getLong(1), row.getLong(2)}, name);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<String> entries = tx.query("SELECT entry FROM revocation_entry WHERE list_name = ? ORDER BY position",
                row -> row.getString(1), name);
        return Optional.of(new StoredList(head.get()[0], Instant.ofEpochMilli(head.get()[1]), entries));
    }

    /** The ctr of every list whose name starts with {@code prefix}, by the rest of the name. */
    public Map<String, Long> counters(Tx tx, String prefix) throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (Object[] row : tx.query("SELECT name, ctr FROM revocation_list WHERE name LIKE ? ORDER BY name",
                r -> new Object[] {r.getString(1), r.getLong(2)}, prefix + "%")) {
            counters.put(((String) row[0]).substring(prefix.length()), (Long) row[1]);
        }
        return counters;
    }
}
