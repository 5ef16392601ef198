package dev.shomei.record.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoTest {
    private static final SecretKey KEY = new SecretKeySpec(HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"), "AES");

    @TempDir
    Path temp;

    @Test
    void sealedValuesOpenWithTheSameContextOnly() {
        byte[] aad = "131059\0resident\0family_name_kanji_enc\0row-1".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Aead.seal(KEY, "鷹司".getBytes(StandardCharsets.UTF_8), aad);
        assertEquals(1 + 12 + 6 + 16, sealed.length, "version, nonce, ciphertext, tag");
        assertEquals("鷹司", new String(Aead.open(KEY, sealed, aad), StandardCharsets.UTF_8));
        assertFalse(java.util.Arrays.equals(sealed, Aead.seal(KEY, "鷹司".getBytes(StandardCharsets.UTF_8), aad)),
                "a random nonce each time");
        byte[] otherRow = "131059\0resident\0family_name_kanji_enc\0row-2".getBytes(StandardCharsets.UTF_8);
        assertThrows(CryptoException.class, () -> Aead.open(KEY, sealed, otherRow));
        byte[] flipped = sealed.clone();
        flipped[20] ^= 1;
        assertThrows(CryptoException.class, () -> Aead.open(KEY, flipped, aad));
        assertThrows(CryptoException.class, () -> Aead.open(KEY, new byte[5], aad));
    }

    @Test
    void theSealedFormIsPlainAesGcm() throws Exception {
        byte[] aad = "context".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = Aead.seal(KEY, "value".getBytes(StandardCharsets.US_ASCII), aad);
        // an independent decryption with the JDK's cipher, from the documented layout
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, KEY, new GCMParameterSpec(128, sealed, 1, 12));
        cipher.updateAAD(aad);
        assertArrayEquals("value".getBytes(StandardCharsets.US_ASCII), cipher.doFinal(sealed, 13, sealed.length - 13));
    }

    @Test
    void aReusedKeySealsAndOpensLikeAeadAndSurvivesAFailedOpen() throws Exception {
        AeadKey reused = new AeadKey(KEY);
        byte[] aad = "context".getBytes(StandardCharsets.US_ASCII);
        byte[] other = "other".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 40; i++) { // more uses than the pool holds: new and pooled ciphers alike
            byte[] value = ("value " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] sealed = reused.seal(value, aad);
            assertArrayEquals(value, Aead.open(KEY, sealed, aad), "the same sealed form");
            assertArrayEquals(value, reused.open(Aead.seal(KEY, value, aad), aad));
            assertThrows(CryptoException.class, () -> reused.open(sealed, other));
            byte[] flipped = sealed.clone();
            flipped[flipped.length - 1] ^= 1;
            assertThrows(CryptoException.class, () -> reused.open(flipped, aad));
            assertArrayEquals(value, reused.open(sealed, aad), "a failed open leaves no broken cipher behind");
        }
        byte[] value = "same".getBytes(StandardCharsets.US_ASCII);
        assertFalse(java.util.Arrays.equals(reused.seal(value, aad), reused.seal(value, aad)), "a fresh nonce each time");
        // many threads at once: every value opens to itself
        java.util.List<java.util.concurrent.Callable<Boolean>> work = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            work.add(() -> {
                for (int i = 0; i < 500; i++) {
                    byte[] mine = ("thread " + thread + " value " + i).getBytes(StandardCharsets.US_ASCII);
                    if (!java.util.Arrays.equals(mine, reused.open(reused.seal(mine, aad), aad))) {
                        return false;
                    }
                }
                return true;
            });
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (var result : pool.invokeAll(work)) {
                assertTrue(result.get());
            }
        }
    }

    @Test
    void tenantCiphersAreBoundToTheirMunicipality() {
        TenantCipher bunkyo = new TenantCipher(MunicipalityCode.of("131059"), KEY,
                new SecretKeySpec(new byte[32], "HmacSHA256"));
        TenantCipher shinjukuSameKey = new TenantCipher(MunicipalityCode.of("131041"), KEY,
                new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] sealed = bunkyo.seal("resident", "address_enc", "r1", "東京都文京区");
        assertEquals("東京都文京区", bunkyo.open("resident", "address_enc", "r1", sealed));
        assertThrows(CryptoException.class, () -> shinjukuSameKey.open("resident", "address_enc", "r1", sealed));
        assertNull(bunkyo.seal("resident", "address_enc", "r1", null));
        assertNull(bunkyo.open("resident", "address_enc", "r1", null));
        MyNumber number = MyNumber.of("123456789018");
        assertArrayEquals(bunkyo.lookupMac(number), bunkyo.lookupMac(MyNumber.of("123456789018")));
        assertEquals(32, bunkyo.lookupMac(number).length);
    }

    @Test
    void theMasterKeyStoreIsPrivateStableAndRotates() throws Exception {
        Path file = temp.resolve("backend/master-keys.p12");
        MasterKeys keys = MasterKeys.openOrCreate(file);
        assertEquals("master-1", keys.currentAlias());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                file.resolveSibling("master-keys.p12.password"))));
        String check = keys.checkValue("master-1");
        MasterKeys reopened = MasterKeys.openOrCreate(file);
        assertEquals(check, reopened.checkValue("master-1"));
        assertArrayEquals(keys.auditKey().getEncoded(), reopened.auditKey().getEncoded());

        assertEquals("master-2", keys.rotate());
        assertEquals("master-2", keys.currentAlias());
        assertTrue(keys.masterAliases().contains("master-1"));
        // the other instance finds the new key on disk when asked for it
        assertEquals(keys.checkValue("master-2"), reopened.checkValue("master-2"));
        assertNotEquals(check, keys.checkValue("master-2"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
