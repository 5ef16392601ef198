package dev.shomei.protocol.vds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.RawEcdsa;
import dev.shomei.protocol.cert.StrictJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * Verifies a scanned VDS-NC seal: the barcode signer in {@code sig.cer} must be issued by one of the
 * trusted CSCAs (issuer name, AKI = CSCA SKI, signature, validity), carry KeyUsage
 * digitalSignature, the VDS-NC extended key usage and DocumentTypeList "NV"; then {@code sig.sigvl}
 * must verify over the RFC 8785 canonical form of {@code data} as received.
 */
public final class VdsNcVerifier {
    /** ICAO: extended key usage of a VDS-NC health-proof signer. */
    public static final String EKU_VDS_NC = "2.23.136.1.1.14.2";
    /** ICAO Doc 9303 part 13: DocumentTypeList extension. */
    public static final String DOCUMENT_TYPE_LIST = "2.23.136.1.1.6.2";

    private static final int MAX_LENGTH = 16 * 1024;
    /** A signed revocation list may be long: 4 MiB is some 300,000 certificate ids. */
    private static final int MAX_DOCUMENT_LENGTH = 4 << 20;
    private static final List<String> ALGORITHMS = List.of("ES256", "ES384", "ES512");

    private final List<X509Certificate> trustedCscas;
    private final Clock clock;

    public VdsNcVerifier(List<X509Certificate> trustedCscas) {
        this(trustedCscas, Clock.systemUTC());
    }

    public VdsNcVerifier(List<X509Certificate> trustedCscas, Clock clock) {
        this.trustedCscas = List.copyOf(trustedCscas);
        this.clock = clock;
    }

    public VdsNcSeal verify(String qrText) {
        Signed signed = verifySigned(qrText, "seal");
        JsonNode data = signed.data();
        X509Certificate signer = signed.signer();
        String algorithm = signed.algorithm();
        JsonNode hdr = data.path("hdr");
        if (!VdsNcJson.TYPE.equals(hdr.path("t").asText()) || hdr.path("v").asInt(-1) != VdsNcJson.VERSION) {
            throw VdsNcJson.invalid("seal is not icao.vacc version 1");
        }
        String country = hdr.path("is").asText("");
        if (!country.matches("[A-Z]{3}")) {
            throw VdsNcJson.invalid("hdr.is is not an ISO 3166-1 alpha-3 code");
        }
        return new VdsNcSeal(country, VdsNcJson.message(data.get("msg")), signer, algorithm);
    }

    /** A verified {@code {"data":..,"sig":..}} document: its data, the signer that chains to a trusted CSCA, the algorithm. */
    public record Signed(JsonNode data, X509Certificate signer, String algorithm) {
    }

    /**
     * Verifies a document signed the way a seal is ({@code sig.cer} chained to a trusted CSCA,
     * {@code sig.sigvl} over the canonical {@code data}); what it says is the caller's to read.
     */
    public Signed verifySigned(String json, String what) {
        if (json == null || json.isEmpty() || json.length() > maxLength(what)) {
            throw VdsNcJson.invalid(what + " is empty or too long");
        }
        JsonNode root = StrictJson.parse(json, "VDS-NC " + what);
        JsonNode data = root.get("data");
        JsonNode sig = root.get("sig");
        if (data == null || !data.isObject() || sig == null || !sig.isObject()) {
            throw VdsNcJson.invalid(what + " needs \"data\" and \"sig\" objects");
        }
        String algorithm = sig.path("alg").asText("");
        if (!ALGORITHMS.contains(algorithm)) {
            throw VdsNcJson.invalid("signature algorithm " + algorithm + " is not ES256, ES384 or ES512");
        }
        X509Certificate signer = certificate(Base64Url.decode(sig.path("cer").asText(null), "VDS-NC sig.cer"));
        checkSigner(signer);
        RawEcdsa.Verifier verifier = RawEcdsa.verifier(signer.getPublicKey());
        if (!verifier.algorithm().equals(algorithm)) {
            throw VdsNcJson.invalid("signature algorithm " + algorithm + " does not match the signer key");
        }
        byte[] signature = Base64Url.decode(sig.path("sigvl").asText(null), "VDS-NC sig.sigvl");
        byte[] canonical = Jcs.canonicalize(data).getBytes(StandardCharsets.UTF_8);
        boolean valid = verifier.verify(canonical, signature);
        Arrays.fill(canonical, (byte) 0);
        if (!valid) {
            throw new CertificateVerificationException("signature does not verify");
        }
        return new Signed(data, signer, algorithm);
    }

    private static int maxLength(String what) {
        return "seal".equals(what) ? MAX_LENGTH : MAX_DOCUMENT_LENGTH;
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw VdsNcJson.invalid("sig.cer is not an X.509 certificate");
        }
    }

    private void checkSigner(X509Certificate signer) {
        Date now = Date.from(clock.instant());
        byte[] authorityKeyId = authorityKeyId(signer);
        X509Certificate csca = trustedCscas.stream()
                .filter(candidate -> candidate.getSubjectX500Principal().equals(signer.getIssuerX500Principal()))
                .filter(candidate -> Arrays.equals(subjectKeyId(candidate), authorityKeyId))
                .findFirst()
                .orElseThrow(() -> new CertificateVerificationException("barcode signer is not issued by a trusted CSCA"));
        try {
            signer.verify(csca.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateVerificationException("barcode signer certificate signature does not verify", e);
        }
        try {
            csca.checkValidity(now);
            signer.checkValidity(now);
        } catch (CertificateException e) {
            throw new CertificateVerificationException("barcode signer or CSCA certificate is expired or not yet valid", e);
        }
        boolean[] keyUsage = signer.getKeyUsage();
        if (keyUsage == null || !keyUsage[0]) {
            throw new CertificateVerificationException("barcode signer lacks KeyUsage digitalSignature");
        }
        try {
            List<String> eku = signer.getExtendedKeyUsage();
            if (eku == null || !eku.contains(EKU_VDS_NC)) {
                throw new CertificateVerificationException("barcode signer lacks the VDS-NC extended key usage");
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new CertificateVerificationException("barcode signer has a malformed extended key usage", e);
        }
        if (!documentTypes(signer).contains("NV")) {
            throw new CertificateVerificationException("barcode signer DocumentTypeList does not include NV");
        }
    }

    private static List<String> documentTypes(X509Certificate signer) {
        byte[] value = signer.getExtensionValue(DOCUMENT_TYPE_LIST);
        if (value == null) {
            return List.of();
        }
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            ASN1Set types = ASN1Set.getInstance(sequence.getObjectAt(1));
            return Arrays.stream(types.toArray()).map(VdsNcVerifier::string).toList();
        } catch (IOException | RuntimeException e) {
            throw new CertificateVerificationException("barcode signer has a malformed DocumentTypeList", e);
        }
    }

    private static String string(ASN1Encodable encodable) {
        ASN1Primitive primitive = encodable.toASN1Primitive();
        return primitive instanceof ASN1String text ? text.getString() : "";
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        try {
            return value == null ? null
                    : SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).getKeyIdentifier();
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            return null;
        }
    }

    private static byte[] authorityKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (value == null) {
            throw new CertificateVerificationException("barcode signer has no authority key identifier");
        }
        try {
            byte[] keyId = AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value))
                    .getKeyIdentifierOctets();
            if (keyId == null) {
                throw new CertificateVerificationException("barcode signer's authority key identifier has no key id");
            }
            return keyId;
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // Bouncy Castle reports malformed ASN.1 inside the extension with runtime exceptions
            throw new CertificateVerificationException("barcode signer has a malformed authority key identifier", e);
        }
    }
}
