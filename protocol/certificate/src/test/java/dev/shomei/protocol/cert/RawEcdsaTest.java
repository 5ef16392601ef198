package dev.shomei.protocol.cert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RawEcdsaTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void signsTheKnownAnswersOfRfc6979() {
        RawEcdsa.Signer signer = RawEcdsa.signer(CertificateFixtures.rfc6979Key().getPrivate());
        // RFC 6979 A.2.5, P-256 with SHA-256
        assertEquals("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716"
                        + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
                HEX.formatHex(signer.sign("sample".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367"
                        + "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083",
                HEX.formatHex(signer.sign("test".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("ES256", signer.algorithm());
    }

    @Test
    void rawSignaturesVerifyWithTheJdkThroughDer() throws Exception {
        KeyPair keys = CertificateFixtures.rfc6979Key();
        byte[] data = "shomei".getBytes(StandardCharsets.UTF_8);
        byte[] raw = RawEcdsa.signer(keys.getPrivate()).sign(data);
        assertEquals(64, raw.length);

        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(keys.getPublic());
        jdk.update(data);
        assertTrue(jdk.verify(RawEcdsa.toDer(raw)));

        jdk.initSign(keys.getPrivate());
        jdk.update(data);
        byte[] der = jdk.sign();
        assertTrue(RawEcdsa.verifier(keys.getPublic()).verify(data, RawEcdsa.fromDer(der, 32)));
        assertArrayEquals(raw, RawEcdsa.fromDer(RawEcdsa.toDer(raw), 32));
    }

    @Test
    void shortIntegersArePaddedToFixedHalves() {
        byte[] raw = new byte[64];
        raw[31] = 1; // r = 1
        raw[32] = (byte) 0x80; // s has the high bit set: DER needs a leading zero
        byte[] der = RawEcdsa.toDer(raw);
        assertEquals("3026" + "020101" + "022100" + "80" + "00".repeat(31), HEX.formatHex(der));
        assertArrayEquals(raw, RawEcdsa.fromDer(der, 32));
    }

    @Test
    void rejectsTamperedAndMalformedSignatures() {
        KeyPair keys = CertificateFixtures.rfc6979Key();
        byte[] data = "data".getBytes(StandardCharsets.UTF_8);
        byte[] raw = RawEcdsa.signer(keys.getPrivate()).sign(data);
        raw[10] ^= 1;
        assertFalse(RawEcdsa.verifier(keys.getPublic()).verify(data, raw));
        assertFalse(RawEcdsa.verifier(keys.getPublic()).verify(data, new byte[63]));
        assertThrows(IllegalArgumentException.class, () -> RawEcdsa.fromDer(new byte[] {0x30, 0x05, 0x02}, 32));
    }

    @Test
    void p384KeysUseEs384() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] data = {1, 2, 3};
        byte[] raw = RawEcdsa.signer(keys.getPrivate()).sign(data);
        assertEquals(96, raw.length);
        assertEquals("ES384", RawEcdsa.verifier(keys.getPublic()).algorithm());
        Signature jdk = Signature.getInstance("SHA384withECDSA");
        jdk.initVerify(keys.getPublic());
        jdk.update(data);
        assertTrue(jdk.verify(RawEcdsa.toDer(raw)));
    }
}
