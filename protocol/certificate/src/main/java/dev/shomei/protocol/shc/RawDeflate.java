package dev.shomei.protocol.shc;

import dev.shomei.protocol.cert.CertificateVerificationException;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Raw DEFLATE (RFC 1951: no zlib or gzip header), as the JWS header {@code "zip":"DEF"} means. */
public final class RawDeflate {
    /** A SMART Health Card payload never needs more; a bigger output is a decompression bomb. */
    public static final int MAX_INFLATED = 64 * 1024;

    private RawDeflate() {
    }

    public static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Inflates at most {@link #MAX_INFLATED} bytes; a truncated or oversized stream is an error. */
    public static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new CertificateVerificationException("SMART Health Card payload is truncated");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new CertificateVerificationException("SMART Health Card payload inflates beyond "
                            + MAX_INFLATED + " bytes");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new CertificateVerificationException("SMART Health Card payload has bytes after its end");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new CertificateVerificationException("SMART Health Card payload is not raw DEFLATE", e);
        } finally {
            inflater.end();
        }
    }
}
