package dev.shomei.record.audit;

import dev.shomei.record.db.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Copies one audit chain (a municipality's) to another database for {@code backend move-municipality}:
 * every entry with its sequence number, time and fields, and the chain's head. Under the same audit
 * key the MACs are copied as they are; under another key (the target's master key store) each entry
 * is chained again with the target's key, so that {@code audit-verify} checks it there. The caller
 * verifies the chain at the source first: a chain chained again is only as good as it was.
 */
public final class AuditChainCopy {
    private static final int PAGE = 5_000;

    private final AuditLog source;
    private final AuditLog target;

    public AuditChainCopy(AuditLog source, AuditLog target) {
        this.source = source;
        this.target = target;
    }

    private record Entry(long seq, long at, List<String> fields, byte[] prevMac, byte[] mac) {
    }

    /** Copies {@code chain} from {@code from} into {@code to}; returns the number of entries. */
    public long copy(Tx from, Tx to, String chain) throws SQLException {
        boolean sameKey = source.sameKey(target);
        byte[] previousMac = AuditLog.GENESIS;
        long lastSeq = 0;
        long copied = 0;
        while (true) {
            List<Entry> page = from.query("SELECT seq, at_ms, actor_type, actor_id, source, action, municipality_code, "
                            + "target_type, target_id, outcome, detail, prev_mac, mac FROM audit_log WHERE chain = ? AND seq > ? "
                            + "ORDER BY seq LIMIT ?",
                    row -> new Entry(row.getLong(1), row.getLong(2), Arrays.asList(row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                            row.getString(10), row.getString(11)), row.getBytes(12), row.getBytes(13)),
                    chain, lastSeq, PAGE);
            List<Object[]> rows = new ArrayList<>();
            for (Entry entry : page) {
                byte[] prev = sameKey ? entry.prevMac() : previousMac;
                byte[] mac = sameKey ? entry.mac() : target.mac(chain, entry.seq(), entry.at(), entry.fields(), prev);
                List<String> f = entry.fields();
                rows.add(new Object[] {chain, entry.seq(), entry.at(), f.get(0), f.get(1), f.get(2), f.get(3), f.get(4),
                        f.get(5), f.get(6), f.get(7), f.get(8), prev, mac});
                previousMac = mac;
                lastSeq = entry.seq();
            }
            to.batch("INSERT INTO audit_log (chain, seq, at_ms, actor_type, actor_id, source, action, municipality_code, "
                    + "target_type, target_id, outcome, detail, prev_mac, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows);
            copied += page.size();
            if (page.size() < PAGE) {
                break;
            }
        }
        record Head(long seq, byte[] mac) {
        }
        Head head = from.queryOne("SELECT last_seq, last_mac FROM audit_head WHERE chain = ?",
                row -> new Head(row.getLong(1), row.getBytes(2)), chain).orElse(null);
        if (head != null) {
            to.update("INSERT INTO audit_head (chain, last_seq, last_mac) VALUES (?, ?, ?)", chain, head.seq(),
                    sameKey ? head.mac() : previousMac);
        }
        return copied;
    }
}
