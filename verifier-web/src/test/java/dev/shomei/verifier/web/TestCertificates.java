package dev.shomei.verifier.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.RawEcdsa;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.EcShcSigner;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.protocol.shc.RawDeflate;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import dev.shomei.protocol.sign.CertificateSigner;
import dev.shomei.protocol.vds.Jcs;
import dev.shomei.protocol.vds.VdsNcSealer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An issuer for the verifier's tests: a dev PKI (SHC issuer key, VDS-NC CSCA and barcode signer), the
 * project's real signers, and the trust files the backend publishes, in the formats the page reads.
 */
final class TestCertificates {
    static final String ISSUER = "https://issuer.shomei.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DevPki pki;
    private final EcShcSigner shcKey;
    private final CertificateSigner signer;

    TestCertificates(Path dir) {
        pki = DevPki.ensure(dir);
        shcKey = new EcShcSigner(pki.shcIssuerKey());
        signer = new CertificateSigner(new SmartHealthCardIssuer(ISSUER, shcKey),
                new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate()));
    }

    /** An overseas certificate (both codes) with its own certificate id, the VDS-NC uvci. */
    static CertificateContent overseas(String id) {
        return new CertificateContent(id, CertificateType.OVERSEAS, CertificateFixtures.YAMADA,
                CertificateFixtures.YAMADA_PASSPORT, CertificateFixtures.doses(3), CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED);
    }

    String kid() {
        return shcKey.kid();
    }

    /**
     * Signs {@code content}; the SMART Health Card carries {@code vc.rid = rid} (set here, re-signed with
     * the same issuer key, whether or not the issuer already wrote a rid).
     */
    SignedCertificate sign(CertificateContent content, String rid) {
        SignedCertificate signed = signer.sign(content, Instant.now().minusSeconds(120));
        String[] parts = signed.smartHealthCard().split("\\.");
        ObjectNode payload = payload(parts[1]);
        ((ObjectNode) payload.get("vc")).put("rid", rid);
        String input = parts[0] + "." + Base64Url.encode(RawDeflate.deflate(bytes(payload)));
        String jws = input + "." + Base64Url.encode(shcKey.sign(input.getBytes(StandardCharsets.US_ASCII)));
        return new SignedCertificate(signed.content(), jws, signed.vdsNc());
    }

    /** The same certificate with the birth date in the SHC payload and the name in the VDS-NC data changed, signatures kept. */
    static SignedCertificate tampered(SignedCertificate signed) {
        String[] parts = signed.smartHealthCard().split("\\.");
        String payload = new String(bytes(payload(parts[1])), StandardCharsets.UTF_8).replace("1980-01-01", "1970-01-01");
        String shc = parts[0] + "." + Base64Url.encode(RawDeflate.deflate(payload.getBytes(StandardCharsets.UTF_8)))
                + "." + parts[2];
        String vds = signed.vdsNc() == null ? null : signed.vdsNc().replace("YAMADA TARO", "YAMADA JIRO");
        return new SignedCertificate(signed.content(), shc, vds);
    }

    /** The {@code nbf} of a SMART Health Card JWS. */
    static long notBefore(String jws) {
        return payload(jws.split("\\.")[1]).get("nbf").asLong();
    }

    private static ObjectNode payload(String part) {
        try {
            return (ObjectNode) JSON.readTree(RawDeflate.inflate(Base64Url.decode(part, "payload")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the trust files, as the backend's public endpoint serves them

    byte[] jwks() {
        return Jwks.of(shcKey.jwk()).toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code /.well-known/crl/<kid>.json}: the SMART Health Cards revocation list of this issuer key. */
    byte[] shcRevocationList(int ctr, List<String> rids) {
        ObjectNode list = JSON.createObjectNode();
        list.put("kid", kid());
        list.put("method", "rid");
        list.put("ctr", ctr);
        rids.forEach(list.putArray("rids")::add);
        return bytes(list);
    }

    byte[] cscaPem() {
        try {
            return Files.readAllBytes(pki.vdsCscaPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /trust/vds-nc/revoked.json}: signed like a seal (JCS of data, ES256, the barcode signer). */
    byte[] vdsRevocationList(int ctr, List<String> uvcis) {
        ObjectNode list = JSON.createObjectNode();
        ObjectNode data = list.putObject("data");
        data.put("ctr", ctr);
        data.put("issued", Instant.now().toString());
        uvcis.forEach(data.putArray("revoked")::add);
        byte[] canonical = Jcs.canonicalize(data).getBytes(StandardCharsets.UTF_8);
        ObjectNode sig = list.putObject("sig");
        sig.put("alg", "ES256");
        try {
            sig.put("cer", Base64Url.encode(pki.vdsSigner().certificate().getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        sig.put("sigvl", Base64Url.encode(RawEcdsa.signer(pki.vdsSigner().privateKey()).sign(canonical)));
        return bytes(list);
    }
}
