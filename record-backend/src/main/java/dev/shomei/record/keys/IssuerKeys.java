package dev.shomei.record.keys;

import dev.shomei.protocol.sign.CertificateSigner;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import dev.shomei.protocol.vds.VdsNcSealer;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The issuer's signing keys as the server uses them now: the SMART Health Card key ring (re-read
 * by {@link #reload()}, so a rotated key signs without a restart), the {@code iss} URL, and the
 * VDS-NC barcode signer for overseas certificates.
 */
public final class IssuerKeys {
    private final String issuerUrl;
    private final Supplier<ShcKeyRing> shcSource;
    private final VdsNcSealer vds;
    private final List<X509Certificate> vdsSigners;
    private final X509Certificate vdsCsca;
    private volatile State state;

    private record State(ShcKeyRing ring, CertificateSigner signer) {
    }

    /**
     * @param issuerUrl the SMART Health Card {@code iss}: https, no trailing '/'; the JWKS is at
     *                  {@code <iss>/.well-known/jwks.json}
     * @param vds       {@code null} when this backend issues no overseas certificates
     */
    public IssuerKeys(String issuerUrl, Supplier<ShcKeyRing> shcSource, VdsNcSealer vds) {
        this(issuerUrl, shcSource, vds, List.of(), null);
    }

    /**
     * @param vdsSigners every VDS-NC barcode signer certificate to publish, the current one and retired
     *                   ones whose seals are still in people's hands
     * @param vdsCsca    the CSCA certificate to publish, {@code null} when this backend does not have it
     */
    public IssuerKeys(String issuerUrl, Supplier<ShcKeyRing> shcSource, VdsNcSealer vds, List<X509Certificate> vdsSigners,
                      X509Certificate vdsCsca) {
        this.issuerUrl = Objects.requireNonNull(issuerUrl, "issuerUrl");
        this.shcSource = shcSource;
        this.vds = vds;
        this.vdsSigners = List.copyOf(vdsSigners);
        this.vdsCsca = vdsCsca;
        this.state = load();
    }

    /** The VDS-NC barcode signer certificates to publish (current and retired). */
    public List<X509Certificate> vdsSigners() {
        return vdsSigners;
    }

    public Optional<X509Certificate> vdsCsca() {
        return Optional.ofNullable(vdsCsca);
    }

    public String issuerUrl() {
        return issuerUrl;
    }

    public ShcKeyRing shc() {
        return state.ring();
    }

    public Optional<VdsNcSealer> vds() {
        return Optional.ofNullable(vds);
    }

    /** Signs with the newest SHC key (and the barcode signer for overseas certificates). */
    public CertificateSigner signer() {
        return state.signer();
    }

    /** Reads the SHC keys again (after a rotation). */
    public void reload() {
        state = load();
    }

    private State load() {
        ShcKeyRing ring = shcSource.get();
        return new State(ring, new CertificateSigner(new SmartHealthCardIssuer(issuerUrl, ring.current(), ring.currentRevocationIds()), vds));
    }
}
