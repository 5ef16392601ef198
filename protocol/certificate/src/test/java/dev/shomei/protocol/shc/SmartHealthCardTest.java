package dev.shomei.protocol.shc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.Dose;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SmartHealthCardTest {
    private static final String ISSUER = "https://shomei.example/issuer";
    private static final Instant NBF = Instant.parse("2024-05-01T00:00:00Z");
    private static final KeyPair KEY = CertificateFixtures.rfc6979Key();
    private static final EcShcSigner SIGNER = new EcShcSigner(KEY);
    private static final SmartHealthCardIssuer ISSUING = new SmartHealthCardIssuer(ISSUER, SIGNER);
    private static final SmartHealthCardVerifier VERIFIER = new SmartHealthCardVerifier(Jwks.of(SIGNER.jwk()),
            Clock.fixed(NBF.plusSeconds(3600), ZoneOffset.UTC));

    @Test
    void payloadIsTheMinifiedFhirBundle() {
        String payload = new String(FhirBundleWriter.payload(ISSUER, NBF, CertificateFixtures.domestic(1)),
                StandardCharsets.UTF_8);
        assertEquals("{\"iss\":\"https://shomei.example/issuer\",\"nbf\":1714521600,\"vc\":{\"type\":"
                + "[\"https://smarthealth.cards#health-card\"],\"credentialSubject\":{\"fhirVersion\":\"4.0.1\","
                + "\"fhirBundle\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"fullUrl\":\"resource:0\",\"resource\":{\"resourceType\":\"Patient\",\"name\":[{\"use\":\"usual\","
                + "\"family\":\"山田\",\"given\":[\"太郎\"]}],\"birthDate\":\"1980-01-01\"}},"
                + "{\"fullUrl\":\"resource:1\",\"resource\":{\"resourceType\":\"Immunization\",\"status\":\"completed\","
                + "\"vaccineCode\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"208\"}]},"
                + "\"patient\":{\"reference\":\"resource:0\"},\"occurrenceDateTime\":\"2021-06-01\","
                + "\"performer\":[{\"actor\":{\"display\":\"MHLW_Gov_of_Japan\"}}],\"lotNumber\":\"FA1234\"}}]}}}}",
                payload);
        String overseas = new String(FhirBundleWriter.payload(ISSUER, NBF, CertificateFixtures.overseas(1)),
                StandardCharsets.UTF_8);
        assertTrue(overseas.contains("\"name\":[{\"use\":\"usual\",\"family\":\"山田\",\"given\":[\"太郎\"]},"
                + "{\"family\":\"YAMADA\",\"given\":[\"TARO\"]}]"));
    }

    @Test
    void headerAndSignatureAreKnownAnswersForAFixedKey() {
        String jws = ISSUING.issue(CertificateFixtures.domestic(3), NBF);
        String[] parts = jws.split("\\.");
        assertEquals("{\"zip\":\"DEF\",\"alg\":\"ES256\",\"kid\":\"" + SIGNER.kid() + "\"}",
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.US_ASCII));
        assertEquals(86, parts[2].length());
        // deterministic ECDSA (RFC 6979): the same card signs to the same JWS
        assertEquals(jws, ISSUING.issue(CertificateFixtures.domestic(3), NBF));
    }

    @Test
    void nimbusVerifiesOurJws() throws Exception {
        String jws = ISSUING.issue(CertificateFixtures.overseas(3), NBF);
        JWSObject parsed = JWSObject.parse(jws);
        assertEquals(JWSAlgorithm.ES256, parsed.getHeader().getAlgorithm());
        assertEquals(SIGNER.kid(), parsed.getHeader().getKeyID());
        assertEquals("DEF", parsed.getHeader().getCustomParam("zip"));
        assertTrue(parsed.verify(new ECDSAVerifier((ECPublicKey) KEY.getPublic())));
        String json = new String(RawDeflate.inflate(parsed.getPayload().toBytes()), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"iss\":\"" + ISSUER + "\",\"nbf\":" + NBF.getEpochSecond()));
    }

    @Test
    void weVerifyNimbusSignedCards() throws Exception {
        byte[] payload = RawDeflate.deflate(FhirBundleWriter.payload(ISSUER, NBF, CertificateFixtures.domestic(2)));
        JWSObject nimbus = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(SIGNER.kid())
                .customParam("zip", "DEF").build(), new Payload(payload));
        nimbus.sign(new ECDSASigner((ECPrivateKey) KEY.getPrivate()));
        HealthCard card = VERIFIER.verify(nimbus.serialize());
        assertEquals(2, card.immunizations().size());
    }

    @Test
    void roundTripGivesTheSamePersonAndDoses() {
        CertificateContent content = CertificateFixtures.overseas(3);
        HealthCard card = VERIFIER.verify(ShcQrText.decode(ShcQrText.encode(ISSUING.issue(content, NBF))));
        assertEquals(ISSUER, card.issuer());
        assertEquals(NBF, card.notBefore());
        assertEquals(SIGNER.kid(), card.kid());
        assertEquals("山田", card.names().get(0).family());
        assertEquals("太郎", card.names().get(0).given().get(0));
        assertEquals("YAMADA TARO", card.names().get(1).text());
        assertEquals(content.person().birthDate(), card.birthDate());
        assertEquals(content.doses().size(), card.immunizations().size());
        for (int i = 0; i < content.doses().size(); i++) {
            Dose dose = content.doses().get(i);
            HealthCard.Immunization immunization = card.immunizations().get(i);
            assertEquals(dose.product().cvx(), immunization.cvx());
            assertEquals(dose.date(), immunization.date());
            assertEquals(dose.lotNumber(), immunization.lotNumber());
            assertEquals("MHLW_Gov_of_Japan", immunization.performer());
        }
    }

    @Test
    void anyAlteredCharacterIsRejected() {
        String jws = ISSUING.issue(CertificateFixtures.domestic(3), NBF);
        int rejected = 0;
        for (int i = 0; i < jws.length(); i += 7) {
            char c = jws.charAt(i);
            if (c == '.') {
                continue;
            }
            char replacement = c == 'A' ? 'B' : 'A';
            String altered = jws.substring(0, i) + replacement + jws.substring(i + 1);
            assertThrows(CertificateVerificationException.class, () -> VERIFIER.verify(altered),
                    "altered at " + i);
            rejected++;
        }
        assertTrue(rejected > 50);
    }

    @Test
    void reasonsNameWhatFailed() throws Exception {
        String jws = ISSUING.issue(CertificateFixtures.domestic(1), NBF);
        EcShcSigner other = new EcShcSigner(EcJwkTest.freshKey());
        SmartHealthCardVerifier otherKeys = new SmartHealthCardVerifier(Jwks.of(other.jwk()));
        assertEquals("issuer key " + SIGNER.kid() + " is not trusted",
                assertThrows(CertificateVerificationException.class, () -> otherKeys.verify(jws)).reason());
        String forged = jws.substring(0, jws.lastIndexOf('.') + 1)
                + new SmartHealthCardIssuer(ISSUER, other).issue(CertificateFixtures.domestic(1), NBF).split("\\.")[2];
        assertEquals("signature does not verify",
                assertThrows(CertificateVerificationException.class, () -> VERIFIER.verify(forged)).reason());
        SmartHealthCardVerifier early = new SmartHealthCardVerifier(Jwks.of(SIGNER.jwk()),
                Clock.fixed(NBF.minusSeconds(3600), ZoneOffset.UTC));
        assertTrue(assertThrows(CertificateVerificationException.class, () -> early.verify(jws)).reason()
                .contains("not valid yet"));
        assertThrows(CertificateVerificationException.class, () -> VERIFIER.verify(jws + ".x"));
    }

    @Test
    void aCardTooBigForVersion22IsAClearError() {
        int doses = 1;
        while (true) {
            CertificateContent content = new CertificateContent("A1", CertificateType.DOMESTIC,
                    CertificateFixtures.YAMADA, null, CertificateFixtures.dosesWithRandomLots(doses, 7),
                    CertificateFixtures.BUNKYO, CertificateFixtures.ISSUED);
            try {
                String jws = ISSUING.issue(content, NBF);
                assertTrue(jws.length() <= ShcQrText.MAX_JWS_LENGTH);
                doses++;
            } catch (ShcTooLargeException e) {
                assertTrue(e.getMessage().contains("version 22"));
                break;
            }
            assertTrue(doses < 99, "the limit must be reached before 99 doses");
        }
        assertTrue(doses > 7, "7 doses must fit, the limit was " + doses);
    }

    @Test
    void issuerMustBeHttpsWithoutTrailingSlash() {
        assertThrows(IllegalArgumentException.class, () -> new SmartHealthCardIssuer("http://x.example", SIGNER));
        assertThrows(IllegalArgumentException.class, () -> new SmartHealthCardIssuer("https://x.example/", SIGNER));
    }
}
