package dev.shomei.protocol.shc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.cert.CertificateVerificationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class RawDeflateTest {
    private static final byte[] TEXT = "{\"iss\":\"https://example.org\",\"vc\":{\"type\":[\"x\",\"x\",\"x\"]}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void outputIsRawDeflateThatTheJdkInflaterReads() throws Exception {
        byte[] compressed = RawDeflate.deflate(TEXT);
        // no zlib header: 0x78 would announce one
        assertTrue((compressed[0] & 0xff) != 0x78);
        Inflater inflater = new Inflater(true);
        inflater.setInput(compressed);
        byte[] out = new byte[TEXT.length + 10];
        int n = inflater.inflate(out);
        assertTrue(inflater.finished());
        inflater.end();
        assertArrayEquals(TEXT, Arrays.copyOf(out, n));
    }

    @Test
    void readsWhatTheJdkDeflaterWrites() {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(TEXT);
        deflater.finish();
        byte[] buffer = new byte[256];
        int n = deflater.deflate(buffer);
        deflater.end();
        assertArrayEquals(TEXT, RawDeflate.inflate(Arrays.copyOf(buffer, n)));
    }

    @Test
    void refusesZlibWrappedTruncatedAndBombs() {
        Deflater zlib = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
        zlib.setInput(TEXT);
        zlib.finish();
        byte[] buffer = new byte[256];
        int n = zlib.deflate(buffer);
        zlib.end();
        byte[] wrapped = Arrays.copyOf(buffer, n);
        assertThrows(CertificateVerificationException.class, () -> RawDeflate.inflate(wrapped));

        byte[] compressed = RawDeflate.deflate(TEXT);
        assertThrows(CertificateVerificationException.class,
                () -> RawDeflate.inflate(Arrays.copyOf(compressed, compressed.length - 3)));

        byte[] bomb = RawDeflate.deflate(new byte[1 << 20]);
        CertificateVerificationException e = assertThrows(CertificateVerificationException.class,
                () -> RawDeflate.inflate(bomb));
        assertTrue(e.reason().contains("inflates beyond"));
        ByteArrayOutputStream trailing = new ByteArrayOutputStream();
        trailing.writeBytes(compressed);
        trailing.write(0);
        assertEquals("SMART Health Card payload has bytes after its end",
                assertThrows(CertificateVerificationException.class,
                        () -> RawDeflate.inflate(trailing.toByteArray())).reason());
    }
}
