package dev.shomei.record.revoke;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.sign.RevocableCertificate;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.Issuance;
import dev.shomei.record.store.RevocationRepository;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Revocation in the record backend: at issuance, remembers what the QR codes can be revoked by (the
 * SMART Health Card key and its {@code vc.rid}, the VDS-NC uvci); at a void, in the void's own
 * transaction, adds them to the SHC list of that key and to the VDS-NC list. Every void path calls
 * {@link #revoke}: the kiosk's and the center's reports and the timeout ({@code IssuanceOutcomes}),
 * and the clerk's void ({@code RecordChanges}).
 */
public final class Revocations {
    /** The list name prefix of a SMART Health Card key's list; the rest is the kid. */
    public static final String SHC_PREFIX = "shc:";
    /** The name of the VDS-NC list. */
    public static final String VDS_NC = "vds-nc";
    private static final System.Logger LOG = System.getLogger(Revocations.class.getName());

    private final RevocationRepository repository = new RevocationRepository();

    /** Records the revocation ids of a freshly signed issuance (nothing for a certificate without QR codes). */
    public void recordSigned(Tx tx, Issuance issuance, RevocableCertificate signed) throws SQLException {
        String kid = signed.shcKid(); // null without a card
        String rid = signed.shcRid();
        String uvci = signed.certificate().vdsNc() != null && issuance.type() == CertificateType.OVERSEAS
                ? issuance.certificateId() : null;
        if (kid == null && uvci == null) {
            return;
        }
        repository.recordIds(tx, issuance.municipality(), issuance.id(),
                new RevocationRepository.RevocationIds(rid == null ? null : kid, rid, uvci));
    }

    /**
     * Revokes the issuance's signed payloads; call in the transaction that voids it. Returns whether
     * any list changed (false for an issuance without QR codes, or one revoked before).
     */
    public boolean revoke(Tx tx, Issuance issuance, Instant at) throws SQLException {
        Optional<RevocationRepository.RevocationIds> ids = repository.ids(tx, issuance.municipality(), issuance.id());
        if (ids.isEmpty()) {
            return false;
        }
        boolean changed = false;
        if (ids.get().shcKid() != null && ids.get().shcRid() != null) {
            changed |= repository.add(tx, SHC_PREFIX + ids.get().shcKid(), ids.get().shcRid(), at);
        }
        if (ids.get().vdsUvci() != null) {
            changed |= repository.add(tx, VDS_NC, ids.get().vdsUvci(), at);
        }
        if (changed) {
            LOG.log(Level.INFO, "issuance {0} revoked (SMART Health Card key {1}{2})", issuance.certificateId(),
                    ids.get().shcKid(), ids.get().vdsUvci() == null ? "" : ", VDS-NC");
        }
        return changed;
    }
}
