package dev.shomei.record.revoke;

import dev.shomei.protocol.shc.ShcRevocationList;
import dev.shomei.protocol.vds.VdsNcRevocationList;
import dev.shomei.protocol.vds.VdsNcSealer;
import dev.shomei.record.db.Database;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.store.RevocationRepository;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trust material a verifier mirrors, as documents: the SHC JWKS (with {@code crlVersion}), each
 * SHC key's revocation list, the signed VDS-NC revocation list, the VDS-NC CSCA and signer
 * certificates (PEM). Read from the database on each call; the signed VDS-NC list is signed once
 * per {@code ctr} and kept, so that its bytes (and ETag) stay the same until the list changes.
 */
public final class TrustDocuments {
    private final Database database;
    private final IssuerKeys keys;
    private final Clock clock;
    private final RevocationRepository repository = new RevocationRepository();
    private volatile Signed signedVds;

    private record Signed(long ctr, VdsNcSealer sealer, String json) {
    }

    public TrustDocuments(Database database, IssuerKeys keys, Clock clock) {
        this.database = database;
        this.keys = keys;
        this.clock = clock;
    }

    public String jwks() {
        Map<String, Long> versions = database.read(tx -> repository.counters(tx, Revocations.SHC_PREFIX));
        return keys.shc().jwks().toJson(versions);
    }

    /** The revocation list of key {@code kid}: empty (ctr 0) for a key that revoked nothing, none for an unknown kid. */
    public Optional<String> shcRevocationList(String kid) {
        Optional<RevocationRepository.StoredList> stored = database.read(tx -> repository.list(tx, Revocations.SHC_PREFIX + kid));
        if (stored.isPresent()) {
            return Optional.of(new ShcRevocationList(kid, stored.get().ctr(), stored.get().entries()).toJson());
        }
        return keys.shc().kids().contains(kid) ? Optional.of(ShcRevocationList.empty(kid).toJson()) : Optional.empty();
    }

    /** The signed VDS-NC revocation list; none when this backend has no barcode signer. */
    public Optional<String> vdsNcRevocationList() {
        Optional<VdsNcSealer> sealer = keys.vds();
        if (sealer.isEmpty()) {
            return Optional.empty();
        }
        Optional<RevocationRepository.StoredList> stored = database.read(tx -> repository.list(tx, Revocations.VDS_NC));
        long ctr = stored.map(RevocationRepository.StoredList::ctr).orElse(0L);
        Signed cached = signedVds;
        if (cached != null && cached.ctr() == ctr && cached.sealer() == sealer.get()) {
            return Optional.of(cached.json());
        }
        Instant issued = stored.map(RevocationRepository.StoredList::changedAt).orElse(clock.instant());
        VdsNcRevocationList list = new VdsNcRevocationList(ctr, issued,
                stored.map(RevocationRepository.StoredList::entries).orElse(List.of()));
        String json = list.sign(sealer.get());
        signedVds = new Signed(ctr, sealer.get(), json);
        return Optional.of(json);
    }

    public Optional<String> vdsCscaPem() {
        return keys.vdsCsca().map(certificate -> pem(List.of(certificate)));
    }

    /** Every VDS-NC barcode signer certificate, current and retired; none when there is none. */
    public Optional<String> vdsSignersPem() {
        return keys.vdsSigners().isEmpty() ? Optional.empty() : Optional.of(pem(keys.vdsSigners()));
    }

    private static String pem(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : certificates) {
            try {
                out.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode a VDS-NC certificate", e);
            }
        }
        return out.toString();
    }
}
