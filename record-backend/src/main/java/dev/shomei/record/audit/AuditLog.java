package dev.shomei.record.audit;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.db.Engine;
import dev.shomei.record.db.RowMapper;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.store.MunicipalityMoveRepository;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The append-only audit log. Entries form one chain per municipality (and one system chain): each
 * entry carries the MAC of the previous one, and its own MAC is HMAC-SHA256, under the audit key of
 * the master key store, over all its fields and that previous MAC. Changing, inserting or deleting
 * an entry breaks the chain ({@link AuditVerifier}); without the audit key nobody can forge a new
 * chain. {@code audit_head} holds each chain's last sequence number and MAC, and serializes
 * appenders of one chain (row lock on PostgreSQL, the single writer on SQLite).
 *
 * <p>Append inside the transaction of the change it records: both commit or neither does.
 *
 * <p>A municipality's chain is frozen while the municipality is copied to another shard (from the
 * move's COPYING step at the source, and at the target until it takes over): an append refuses with
 * MUNICIPALITY_MOVING, so no change of any kind (they are all audited) lands behind the copy's back.
 * The check runs after the head's row lock, which the move also takes when it starts copying; a
 * transaction whose {@code MoveGuard} saw the same under the municipality's row lock skips it.
 */
public final class AuditLog {
    public static final String SYSTEM_CHAIN = "-";
    static final byte[] GENESIS = new byte[32];

    private static final String INSERT_ENTRY = "INSERT INTO audit_log (chain, seq, at_ms, actor_type, actor_id, source, "
            + "action, municipality_code, target_type, target_id, outcome, detail, prev_mac, mac) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_HEAD = "UPDATE audit_head SET last_seq = ?, last_mac = ? WHERE chain = ?";

    private final SecretKey key;
    private final MunicipalityMoveRepository moves = new MunicipalityMoveRepository();

    public AuditLog(SecretKey auditKey) {
        this.key = new SecretKeySpec(auditKey.getEncoded(), "HmacSHA256");
    }

    /** Appends the event; returns its sequence number in its chain. */
    public long append(Tx tx, AuditEvent event) throws SQLException {
        String chain = event.chain();
        Head head = lockHead(tx, chain);
        if (event.municipality() != null
                && !tx.lockedFact(new MunicipalityMoveRepository.ChangesAccepted(event.municipality()))) {
            refuseWhileCopied(tx, event.municipality());
        }
        long seq = head.seq() + 1;
        long at = System.currentTimeMillis();
        byte[] mac = mac(chain, seq, at, fields(event), head.mac());
        Object[] entry = {chain, seq, at, event.actorType(), event.actorId(), event.source(), event.action(),
                event.municipality() == null ? null : event.municipality().value(), event.targetType(), event.targetId(),
                event.outcome(), event.detail(), head.mac(), mac};
        if (tx.engine() == Engine.POSTGRESQL) {
            // the head's update rides with the entry: one round trip less while the head is locked
            Object[] parameters = new Object[entry.length + 3];
            parameters[0] = seq;
            parameters[1] = mac;
            parameters[2] = chain;
            System.arraycopy(entry, 0, parameters, 3, entry.length);
            tx.update("WITH moved_head AS (" + UPDATE_HEAD + ") " + INSERT_ENTRY, parameters);
        } else {
            tx.update(INSERT_ENTRY, entry);
            tx.update(UPDATE_HEAD, seq, mac, chain);
        }
        return seq;
    }

    private record Head(long seq, byte[] mac) {
    }

    /**
     * The chain's head, locked until the transaction ends; created at its genesis on the chain's first
     * entry. One round trip once the chain exists.
     */
    private static Head lockHead(Tx tx, String chain) throws SQLException {
        String select = "SELECT last_seq, last_mac FROM audit_head WHERE chain = ?" + tx.engine().forUpdate();
        RowMapper<Head> mapper = row -> new Head(row.getLong(1), row.getBytes(2));
        Optional<Head> head = tx.queryOne(select, mapper, chain);
        if (head.isPresent()) {
            return head.get();
        }
        tx.update("INSERT INTO audit_head (chain, last_seq, last_mac) VALUES (?, 0, ?) ON CONFLICT (chain) DO NOTHING",
                chain, GENESIS);
        return tx.queryOne(select, mapper, chain).orElseThrow();
    }

    /** Frozen exactly when the move holds its outcomes ({@link MunicipalityMoveRepository.Move#refusesOutcomes}). */
    private void refuseWhileCopied(Tx tx, MunicipalityCode municipality) throws SQLException {
        if (moves.find(tx, municipality).filter(MunicipalityMoveRepository.Move::refusesOutcomes).isPresent()) {
            throw new ShomeiException(ErrorCode.MUNICIPALITY_MOVING, "municipality " + municipality.value()
                    + " is being copied to another record-backend shard: its records take no change until the move ends");
        }
    }

    /** Whether {@code other} chains with the same key (then a copied chain keeps its MACs). */
    public boolean sameKey(AuditLog other) {
        return java.security.MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
    }

    /** The stored text fields of an event, in column order (actor_type .. detail). */
    static List<String> fields(AuditEvent event) {
        return Arrays.asList(event.actorType(), event.actorId(), event.source(), event.action(),
                event.municipality() == null ? null : event.municipality().value(), event.targetType(), event.targetId(),
                event.outcome(), event.detail());
    }

    /** The MAC of one entry: chain, sequence, time, every text field, length-prefixed, then the previous MAC. */
    byte[] mac(String chain, long seq, long at, List<String> fields, byte[] previousMac) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, chain);
            out.writeLong(seq);
            out.writeLong(at);
            for (String field : fields) {
                text(out, field);
            }
            out.writeInt(previousMac.length);
            out.write(previousMac);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(bytes.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
