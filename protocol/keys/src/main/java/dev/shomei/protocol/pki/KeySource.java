package dev.shomei.protocol.pki;

import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

/**
 * Where a component's keys and trust anchors come from. Each component asks only for its own part:
 *
 * <ul>
 *   <li>every TLS end: the CA its peers must chain to ({@link #rootCaCertificate()}, {@link #rootCaPem()});
 *   <li>the center: {@link #centerServer()} (line and operator console), {@link #centerClient()} (backend link),
 *       and the dev card-issuer key it trusts only under the {@code dev} card-trust profile ({@link #jlisDevPublicKey()});
 *   <li>a kiosk: {@link #terminal(String)};
 *   <li>the record backend: {@link #backendServer()}, the center's client certificate it pins
 *       ({@code centerClient().certificate()}), its SMART Health Card issuer keys ({@link #shcDir()}) and
 *       VDS-NC barcode signer ({@link #vdsSigner()});
 *   <li>a verifier: the SHC issuer public keys ({@link #shcDir()}) and the VDS-NC CSCA ({@link #vdsCscaCertificate()}).
 * </ul>
 *
 * A method fails (unchecked) when its key is not there; a source never creates keys on its own.
 * {@link KeyDirectory} reads the {@code state/pki} file layout; the dev PKI ({@code DevPki}, used by
 * the launcher's {@code pki} command, demo wiring and tests only) creates that layout and implements
 * this interface too.
 */
public interface KeySource {
    /** Key id of the dev J-LIS hierarchy that signs shomei's virtual cards (see MYNA-CARD.md). */
    String JLIS_DEV_KEY_ID = "9000033/001";

    /** The CA every TLS link (line, backend link, consoles) trusts, and nothing else. */
    X509Certificate rootCaCertificate();

    /** The same CA as a PEM file (Netty's trust manager reads a file). */
    Path rootCaPem();

    /** The center's server identity: line 8420 and operator console 8421. */
    TlsIdentity centerServer();

    /** The record backend's server identity: API 8410 and clerk console 8411. */
    TlsIdentity backendServer();

    /** The center's client identity on the backend link. */
    TlsIdentity centerClient();

    /** A kiosk's client identity; the certificate's CN is the terminal id. */
    TlsIdentity terminal(String terminalId);

    /** The public key of the dev J-LIS CA ({@link #JLIS_DEV_KEY_ID}) that signs virtual cards. */
    PublicKey jlisDevPublicKey();

    /** The directory of SMART Health Card issuer keys ({@code issuer-<n>.key/.pub}); the backend rotates into it. */
    Path shcDir();

    /** The VDS-NC barcode signer and its certificate, issued by the CSCA. */
    TlsIdentity vdsSigner();

    /** The VDS-NC CSCA a verifier trusts. */
    X509Certificate vdsCscaCertificate();
}
