package dev.shomei.protocol.shc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.CertificateVerificationException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class EcJwkTest {
    @Test
    void kidIsTheRfc7638ThumbprintAsNimbusComputesIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            KeyPair keys = freshKey();
            String nimbus = new ECKey.Builder(Curve.P_256, (ECPublicKey) keys.getPublic()).build()
                    .computeThumbprint().toString();
            assertEquals(nimbus, EcJwk.of(keys.getPublic()).kid());
        }
    }

    @Test
    void jwksRoundTripsAndNimbusReadsIt() throws Exception {
        EcShcSigner first = new EcShcSigner(CertificateFixtures.rfc6979Key());
        EcShcSigner second = new EcShcSigner(freshKey());
        String json = Jwks.of(first.jwk(), second.jwk()).toJson();
        Jwks parsed = Jwks.parse(json);
        assertEquals(2, parsed.keys().size());
        assertEquals(first.jwk().key().getW(), parsed.find(first.kid()).orElseThrow().key().getW());
        com.nimbusds.jose.jwk.JWKSet nimbus = com.nimbusds.jose.jwk.JWKSet.parse(json);
        ECKey key = nimbus.getKeyByKeyId(second.kid()).toECKey();
        assertEquals("ES256", key.getAlgorithm().getName());
        assertEquals("sig", key.getKeyUse().identifier());
        assertEquals(second.kid(), key.computeThumbprint().toString());
        assertTrue(json.startsWith("{\"keys\":[{\"kty\":\"EC\",\"kid\":\"" + first.kid() + "\""));
    }

    @Test
    void refusesAKidThatIsNotTheThumbprintAndPrivateKeys() {
        String x = "YP7UuiVanTHJYet0xjVtaMBJuJI7Yfps5mliLmDyn7Y";
        String y = "eQP-EAi4vJmkGunpVii8ZPLxsgwtfp9Rd6PClNRGIpk";
        String good = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}]}";
        assertEquals(EcJwk.of(CertificateFixtures.rfc6979Key().getPublic()).kid(),
                Jwks.parse(good).keys().get(0).kid());
        assertThrows(CertificateVerificationException.class, () -> Jwks.parse(
                "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"someone-else\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}]}"));
        assertThrows(CertificateVerificationException.class, () -> Jwks.parse(
                "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"d\":\"AA\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}]}"));
        // a point that is not on the curve
        assertThrows(CertificateVerificationException.class, () -> Jwks.parse(
                "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + x + "\"}]}"));
        assertThrows(CertificateVerificationException.class, () -> Jwks.parse("{\"keys\":[],\"keys\":[]}"));
    }

    static KeyPair freshKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
