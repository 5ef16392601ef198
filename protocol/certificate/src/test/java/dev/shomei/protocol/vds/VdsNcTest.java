package dev.shomei.protocol.vds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.cert.RawEcdsa;
import dev.shomei.protocol.cert.StrictJson;
import dev.shomei.protocol.pki.DevPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VdsNcTest {
    @TempDir
    static Path dir;
    static DevPki pki;
    static VdsNcSealer sealer;
    static VdsNcVerifier verifier;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(dir.resolve("pki"));
        sealer = new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate());
        verifier = new VdsNcVerifier(List.of(pki.vdsCscaCertificate()));
    }

    @Test
    void dataIsTheCanonicalIcaoVaccMessage() {
        String seal = sealer.seal(CertificateFixtures.overseas(2));
        JsonNode root = StrictJson.parse(seal, "seal");
        assertEquals("{\"hdr\":{\"is\":\"JPN\",\"t\":\"icao.vacc\",\"v\":1},\"msg\":{\"pid\":{\"dob\":\"1980-01-01\","
                + "\"i\":\"TK0000000\",\"n\":\"YAMADA TARO\"},\"uvci\":\"JP0000000002\",\"ve\":["
                + "{\"des\":\"XM0GQ8\",\"dis\":\"RA01.0\",\"nam\":\"COMIRNATY\",\"vd\":[{\"adm\":\"MHLW_Gov_of_Japan\","
                + "\"ctr\":\"JPN\",\"dvc\":\"2021-06-01\",\"lot\":\"FA1234\",\"seq\":1}]},"
                + "{\"des\":\"XM0GQ8\",\"dis\":\"RA01.0\",\"nam\":\"COMIRNATY\",\"vd\":[{\"adm\":\"MHLW_Gov_of_Japan\","
                + "\"ctr\":\"JPN\",\"dvc\":\"2021-07-31\",\"lot\":\"FB2345\",\"seq\":2}]}]}}",
                Jcs.canonicalize(root.get("data")));
        assertTrue(seal.startsWith("{\"data\":{\"hdr\""));
        assertTrue(seal.contains("\"sig\":{\"alg\":\"ES256\",\"cer\":\""));
        assertEquals(seal, Jcs.canonicalize(seal), "the seal is written in canonical form");
    }

    @Test
    void theJdkVerifiesTheSignatureOverTheCanonicalData() throws Exception {
        String seal = sealer.seal(CertificateFixtures.overseas(3));
        JsonNode root = StrictJson.parse(seal, "seal");
        byte[] raw = Base64Url.decode(root.path("sig").path("sigvl").asText(), "sigvl");
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(pki.vdsSigner().certificate().getPublicKey());
        jdk.update(Jcs.canonicalize(root.get("data")).getBytes(StandardCharsets.UTF_8));
        assertTrue(jdk.verify(RawEcdsa.toDer(raw)));
        assertEquals(pki.vdsSigner().certificate(), verifier.verify(seal).signer());
    }

    @Test
    void roundTripGivesTheSamePersonAndDoses() {
        CertificateContent content = CertificateFixtures.overseas(3);
        VdsNcSeal seal = verifier.verify(sealer.seal(content));
        assertEquals("JPN", seal.issuingCountry());
        assertEquals("ES256", seal.algorithm());
        VdsNcVaccination message = seal.message();
        assertEquals(content.certificateId(), message.uvci());
        assertEquals("YAMADA TARO", message.name());
        assertEquals(content.person().birthDate(), message.birthDate());
        assertEquals("TK0000000", message.passportNumber());
        assertEquals(3, message.events().size());
        for (int i = 0; i < 3; i++) {
            Dose dose = content.doses().get(i);
            VdsNcVaccination.Event event = message.events().get(i);
            assertEquals(dose.product().icd11(), event.des());
            assertEquals(dose.product().vdsName(), event.nam());
            VdsNcVaccination.Detail detail = event.details().get(0);
            assertEquals(dose.date(), detail.date());
            assertEquals(dose.number(), detail.seq());
            assertEquals(dose.lotNumber(), detail.lot());
            assertEquals("JPN", detail.country());
        }
    }

    @Test
    void acceptsReformattedJsonStringSeqAndPaddedSignature() throws Exception {
        String seal = sealer.seal(CertificateFixtures.overseas(1));
        // whitespace and member order do not matter: the signature covers the canonical form
        ObjectNode root = (ObjectNode) StrictJson.parse(seal, "seal");
        String pretty = StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        assertEquals(1, verifier.verify(pretty).message().events().size());

        // a reader must accept seq as a string: sign such a seal ourselves
        ObjectNode data = (ObjectNode) root.get("data");
        ((ObjectNode) data.at("/msg/ve/0/vd/0")).put("seq", "1");
        byte[] signature = RawEcdsa.signer(pki.vdsSigner().privateKey())
                .sign(Jcs.canonicalize(data).getBytes(StandardCharsets.UTF_8));
        ((ObjectNode) root.get("sig")).put("sigvl", Base64Url.encode(signature) + "==");
        assertEquals(1, verifier.verify(StrictJson.mapper().writeValueAsString(root))
                .message().events().get(0).details().get(0).seq());
    }

    @Test
    void anAlteredCharacterIsRejected() {
        String seal = sealer.seal(CertificateFixtures.overseas(2));
        String altered = seal.replace("\"lot\":\"FA1234\"", "\"lot\":\"FA1235\"");
        assertEquals("signature does not verify",
                assertThrows(CertificateVerificationException.class, () -> verifier.verify(altered)).reason());
        int sigvl = seal.indexOf("\"sigvl\":\"") + 12;
        char c = seal.charAt(sigvl);
        String badSignature = seal.substring(0, sigvl) + (c == 'A' ? 'B' : 'A') + seal.substring(sigvl + 1);
        assertThrows(CertificateVerificationException.class, () -> verifier.verify(badSignature));
    }

    @Test
    void refusesSignersThatDoNotChainOrLackTheVdsNcExtensions() {
        DevPki other = DevPki.ensure(dir.resolve("other"));
        String seal = sealer.seal(CertificateFixtures.overseas(1));
        VdsNcVerifier otherCsca = new VdsNcVerifier(List.of(other.vdsCscaCertificate()));
        assertEquals("barcode signer is not issued by a trusted CSCA",
                assertThrows(CertificateVerificationException.class, () -> otherCsca.verify(seal)).reason());

        // a TLS certificate of the dev root CA is no barcode signer, even when the root is trusted
        VdsNcSealer tlsSealer = new VdsNcSealer(pki.backendServer().privateKey(), pki.backendServer().certificate());
        VdsNcVerifier trustsRoot = new VdsNcVerifier(List.of(pki.rootCaCertificate()));
        String tlsSeal = tlsSealer.seal(CertificateFixtures.overseas(1));
        assertEquals("barcode signer lacks the VDS-NC extended key usage",
                assertThrows(CertificateVerificationException.class, () -> trustsRoot.verify(tlsSeal)).reason());
    }

    @Test
    void fieldLimitsAreClearErrors() {
        Passport longName = new Passport("WOLFESCHLEGELSTEINHAUSEN", "HUBERT BLAINE WOLFE", "DEU", "C01X00T47");
        CertificateContent content = new CertificateContent("A1", CertificateType.OVERSEAS,
                CertificateFixtures.YAMADA, longName, CertificateFixtures.doses(1), CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED);
        ShomeiException e = assertThrows(ShomeiException.class, () -> sealer.seal(content));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertTrue(e.getMessage().contains("n is longer than 39"), e.getMessage());
        assertThrows(ShomeiException.class, () -> new VdsNcVaccination.Detail(
                CertificateFixtures.ISSUED, 100, "JPN", "MHLW_Gov_of_Japan", "FA1234"));
        assertThrows(ShomeiException.class, () -> new VdsNcVaccination.Event("XM0GQ8X", "COMIRNATY", "RA01.0",
                List.of(new VdsNcVaccination.Detail(CertificateFixtures.ISSUED, 1, "JPN", "MHLW", "FA1234"))));
        assertThrows(ShomeiException.class, () -> sealer.seal(CertificateFixtures.domestic(1)));
    }

    @Test
    void aSealTooLargeForOneQrCodeIsAClearError() {
        int doses = 1;
        try {
            for (; doses < 99; doses++) {
                assertTrue(sealer.seal(CertificateFixtures.overseas(doses)).length() <= VdsNcSealer.MAX_SEAL_BYTES);
            }
        } catch (VdsNcTooLargeException e) {
            assertTrue(e.getMessage().contains("exceeds the 2953"), e.getMessage());
            assertEquals(dev.shomei.protocol.ErrorCode.CERTIFICATE_TOO_LARGE, e.code());
        }
        assertTrue(doses > 7 && doses < 99, "limit at " + doses + " doses");
    }

    @Test
    void refusesMalformedSeals() {
        for (String bad : List.of("", "[]", "{\"data\":{}}", "{\"data\":{},\"sig\":{\"alg\":\"RS256\"}}",
                "{\"data\":{},\"sig\":{\"alg\":\"ES256\",\"cer\":\"AAAA\",\"sigvl\":\"AA\"}}", "not json")) {
            assertThrows(CertificateVerificationException.class, () -> verifier.verify(bad), bad);
        }
    }
}
