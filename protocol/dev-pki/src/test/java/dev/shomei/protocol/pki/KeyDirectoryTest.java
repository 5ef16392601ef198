package dev.shomei.protocol.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-based key source reads exactly what the dev PKI wrote, and never writes anything itself. */
class KeyDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void readsTheKeysTheDevPkiMade() {
        DevPki pki = DevPki.ensure(dir.resolve("pki"));
        pki.terminal("K0001");
        KeySource keys = KeyDirectory.open(dir.resolve("pki"));

        assertEquals(pki.rootCaCertificate(), keys.rootCaCertificate());
        assertEquals(pki.rootCaPem(), keys.rootCaPem());
        assertSame(pki.centerServer(), keys.centerServer());
        assertSame(pki.backendServer(), keys.backendServer());
        assertSame(pki.centerClient(), keys.centerClient());
        assertSame(pki.terminal("K0001"), keys.terminal("K0001"));
        assertSame(pki.vdsSigner(), keys.vdsSigner());
        assertEquals(pki.vdsCscaCertificate(), keys.vdsCscaCertificate());
        assertEquals(pki.jlisDevKey().getPublic(), keys.jlisDevPublicKey());
        assertArrayEquals(pki.jlisDevKey().getPrivate().getEncoded(),
                KeyDirectory.open(dir.resolve("pki")).jlisDevKey().getPrivate().getEncoded());
        assertEquals(pki.shcDir(), keys.shcDir());
    }

    @Test
    void anEmptyDirectoryIsAnErrorThatSaysHowToCreateTheKeysAndStaysEmpty() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("pki"));
        KeySource keys = KeyDirectory.open(empty);

        UncheckedIOException missing = assertThrows(UncheckedIOException.class, keys::centerServer);
        assertTrue(missing.getMessage().contains("center-server.crt") && missing.getMessage().contains("./shomei pki"),
                missing.getMessage());
        assertThrows(UncheckedIOException.class, keys::rootCaCertificate);
        assertThrows(UncheckedIOException.class, keys::jlisDevPublicKey);
        assertThrows(UncheckedIOException.class, keys::shcDir);
        try (Stream<Path> files = Files.list(empty)) {
            assertEquals(0, files.count(), "nothing is created, not even a lock file");
        }
        assertThrows(UncheckedIOException.class, () -> KeyDirectory.open(dir.resolve("absent")).vdsSigner());
        assertTrue(Files.notExists(dir.resolve("absent")));
    }

    @Test
    void anUnknownTerminalNamesTheCommandThatMakesItsCertificate() {
        DevPki.ensure(dir.resolve("pki"));
        KeySource keys = KeyDirectory.open(dir.resolve("pki"));

        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> keys.terminal("K0009"));
        assertTrue(missing.getMessage().contains("./shomei pki --terminal K0009"), missing.getMessage());
        assertTrue(Files.notExists(dir.resolve("pki/terminals/K0009.crt")));
        assertThrows(IllegalArgumentException.class, () -> keys.terminal("../ca"));
    }

    private static void assertSame(TlsIdentity expected, TlsIdentity actual) {
        assertEquals(expected.certificatePem(), actual.certificatePem());
        assertEquals(expected.certificate(), actual.certificate());
        assertArrayEquals(expected.privateKey().getEncoded(), actual.privateKey().getEncoded());
    }
}
