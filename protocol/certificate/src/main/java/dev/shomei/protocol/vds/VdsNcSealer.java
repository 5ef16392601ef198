package dev.shomei.protocol.vds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.RawEcdsa;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Signs VDS-NC seals with a barcode signer key: ECDSA over SHA-2 of the RFC 8785 canonical UTF-8
 * form of {@code data}; {@code sig.cer} carries the signer certificate, {@code sig.sigvl} the raw
 * {@code r||s}, both base64url. The whole seal is written in canonical form (no whitespace).
 * Thread-safe.
 */
public final class VdsNcSealer {
    /** What one QR code (version 40, error correction L, byte mode) holds. */
    public static final int MAX_SEAL_BYTES = 2953;

    private final RawEcdsa.Signer signer;
    private final String certificate;
    private final String issuingCountry;

    /** A sealer for Japan ({@code hdr.is = "JPN"}). */
    public VdsNcSealer(PrivateKey key, X509Certificate signerCertificate) {
        this(key, signerCertificate, "JPN");
    }

    public VdsNcSealer(PrivateKey key, X509Certificate signerCertificate, String issuingCountry) {
        if (issuingCountry == null || !issuingCountry.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("issuing country must be an ISO 3166-1 alpha-3 code");
        }
        this.signer = RawEcdsa.signer(key);
        this.issuingCountry = issuingCountry;
        try {
            this.certificate = Base64Url.encode(signerCertificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("cannot encode the barcode signer certificate", e);
        }
        // a key that does not match the certificate would make every seal fail verification
        byte[] probe = "shomei VDS-NC key check".getBytes(StandardCharsets.US_ASCII);
        if (!RawEcdsa.verifier(signerCertificate.getPublicKey()).verify(probe, signer.sign(probe))) {
            throw new IllegalArgumentException("the signer key does not belong to the signer certificate");
        }
    }

    /** The seal of an overseas certificate. */
    public String seal(CertificateContent content) {
        return seal(VdsNcVaccination.of(content));
    }

    /**
     * @throws VdsNcTooLargeException when the seal would not fit one QR code
     */
    public String seal(VdsNcVaccination message) {
        String json = sign(VdsNcJson.data(issuingCountry, message));
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SEAL_BYTES) {
            throw new VdsNcTooLargeException(bytes, message.events().size());
        }
        return json;
    }

    /**
     * Signs any {@code data} object the way a seal is signed: {@code {"data":..,"sig":{"alg","cer","sigvl"}}}
     * in canonical form. The VDS-NC revocation list is signed with it ({@link VdsNcRevocationList}).
     */
    public String sign(ObjectNode data) {
        byte[] canonical = Jcs.canonicalize(data).getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.sign(canonical);
        ObjectNode seal = JsonNodeFactory.instance.objectNode();
        seal.set("data", data);
        ObjectNode sig = seal.putObject("sig");
        sig.put("alg", signer.algorithm());
        sig.put("cer", certificate);
        sig.put("sigvl", Base64Url.encode(signature));
        Arrays.fill(canonical, (byte) 0);
        return Jcs.canonicalize(seal);
    }
}
