package dev.shomei.record.audit;

import dev.shomei.record.db.Database;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Walks every audit chain and reports each entry that was changed, inserted or deleted: sequence
 * numbers must run 1, 2, 3 ... without gaps, each entry must name the previous entry's MAC, each MAC
 * must recompute, and the chain's head must point at its last entry.
 */
public final class AuditVerifier {
    private static final int PAGE = 5_000;

    private final Database database;
    private final AuditLog log;

    public AuditVerifier(Database database, AuditLog log) {
        this.database = database;
        this.log = log;
    }

    /** The outcome: how much was checked and every problem found (chain, sequence number, what). */
    public record Result(int chains, long entries, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private record Entry(long seq, long at, List<String> fields, byte[] prevMac, byte[] mac) {
        /** The municipality column (index 4 of the text fields). */
        String municipality() {
            return fields.get(4);
        }
    }

    private record Head(long seq, byte[] mac) {
    }

    public Result verify() {
        TreeSet<String> chains = new TreeSet<>();
        chains.addAll(database.read(tx -> tx.query("SELECT chain FROM audit_head", row -> row.getString(1))));
        chains.addAll(database.read(tx -> tx.query("SELECT DISTINCT chain FROM audit_log", row -> row.getString(1))));
        List<String> problems = new ArrayList<>();
        long entries = 0;
        for (String chain : chains) {
            entries += verifyChain(chain, problems);
        }
        return new Result(chains.size(), entries, List.copyOf(problems));
    }

    /** One chain only (a municipality's, e.g. before and after {@code backend move-municipality}). */
    public Result verifyChain(String chain) {
        List<String> problems = new ArrayList<>();
        long entries = verifyChain(chain, problems);
        return new Result(1, entries, List.copyOf(problems));
    }

    private long verifyChain(String chain, List<String> problems) {
        long expectedSeq = 1;
        byte[] previousMac = AuditLog.GENESIS;
        long checked = 0;
        while (true) {
            long from = expectedSeq;
            List<Entry> page = database.read(tx -> tx.query("SELECT seq, at_ms, actor_type, actor_id, source, action, "
                            + "municipality_code, target_type, target_id, outcome, detail, prev_mac, mac FROM audit_log "
                            + "WHERE chain = ? AND seq >= ? ORDER BY seq LIMIT ?",
                    row -> new Entry(row.getLong(1), row.getLong(2), Arrays.asList(row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            row.getString(9), row.getString(10), row.getString(11)), row.getBytes(12), row.getBytes(13)),
                    chain, from, PAGE));
            for (Entry entry : page) {
                checked++;
                if (entry.seq() != expectedSeq) {
                    problems.add(where(chain, expectedSeq) + "missing (next entry is " + entry.seq() + ")");
                }
                if (!MessageDigest.isEqual(entry.prevMac(), previousMac)) {
                    problems.add(where(chain, entry.seq()) + "does not follow the previous entry");
                }
                byte[] recomputed = log.mac(chain, entry.seq(), entry.at(), entry.fields(), entry.prevMac());
                if (!MessageDigest.isEqual(recomputed, entry.mac())) {
                    problems.add(where(chain, entry.seq()) + "was changed (MAC does not match)");
                }
                String expectedChain = entry.municipality() == null ? AuditLog.SYSTEM_CHAIN : entry.municipality();
                if (!chain.equals(expectedChain)) {
                    problems.add(where(chain, entry.seq()) + "names another municipality than its chain");
                }
                previousMac = entry.mac();
                expectedSeq = entry.seq() + 1;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long lastSeq = expectedSeq - 1;
        byte[] lastMac = previousMac;
        Head head = database.read(tx -> tx.queryOne("SELECT last_seq, last_mac FROM audit_head WHERE chain = ?",
                row -> new Head(row.getLong(1), row.getBytes(2)), chain)).orElse(null);
        if (head == null) {
            problems.add("chain " + chain + ": head is missing");
        } else if (head.seq() != lastSeq || !MessageDigest.isEqual(head.mac(), lastMac)) {
            problems.add("chain " + chain + ": head points at entry " + head.seq() + " but the last entry is " + lastSeq
                    + " (entries were deleted or the head was changed)");
        }
        return checked;
    }

    private static String where(String chain, long seq) {
        return "chain " + chain + ", entry " + seq + ": ";
    }
}
