package dev.shomei.protocol.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * PEM files: X.509 certificates, PKCS#8 private keys ({@code PRIVATE KEY}) and X.509 public keys
 * ({@code PUBLIC KEY}), the formats Netty, Helidon and OpenSSL all read. Private keys are written
 * owner-only (0600) before any byte of them reaches the disk.
 */
public final class Pem {
    private static final String CERTIFICATE = "CERTIFICATE";
    private static final String PRIVATE_KEY = "PRIVATE KEY";
    private static final String PUBLIC_KEY = "PUBLIC KEY";

    private Pem() {
    }

    public static void writeCertificate(Path file, X509Certificate certificate) {
        try {
            writeAtomically(file, encode(CERTIFICATE, certificate.getEncoded()), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
    }

    public static void writeCertificates(Path file, List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate certificate : chain) {
                pem.append(encode(CERTIFICATE, certificate.getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode certificate", e);
        }
        writeAtomically(file, pem.toString(), false);
    }

    public static void writePrivateKey(Path file, PrivateKey key) {
        writeAtomically(file, encode(PRIVATE_KEY, key.getEncoded()), true);
    }

    public static void writePublicKey(Path file, PublicKey key) {
        writeAtomically(file, encode(PUBLIC_KEY, key.getEncoded()), false);
    }

    public static X509Certificate readCertificate(Path file) {
        return readCertificates(file).get(0);
    }

    /** Every certificate in the file, in order; fails when there is none. */
    public static List<X509Certificate> readCertificates(Path file) {
        List<byte[]> blocks = decodeAll(read(file), CERTIFICATE);
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + file.getFileName());
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable certificate in " + file.getFileName(), e);
        }
        return certificates;
    }

    public static PrivateKey readPrivateKey(Path file) {
        byte[] der = single(file, PRIVATE_KEY);
        try {
            String algorithm = keyAlgorithm(PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm().getId());
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable private key in " + file.getFileName(), e);
        }
    }

    public static PublicKey readPublicKey(Path file) {
        byte[] der = single(file, PUBLIC_KEY);
        try {
            String algorithm = keyAlgorithm(SubjectPublicKeyInfo.getInstance(der).getAlgorithm().getAlgorithm().getId());
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable public key in " + file.getFileName(), e);
        }
    }

    static String encode(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String keyAlgorithm(String oid) {
        return switch (oid) {
            case "1.2.840.10045.2.1" -> "EC";
            case "1.2.840.113549.1.1.1" -> "RSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + oid);
        };
    }

    private static byte[] single(Path file, String type) {
        List<byte[]> blocks = decodeAll(read(file), type);
        if (blocks.size() != 1) {
            throw new IllegalArgumentException("expected one " + type + " in " + file.getFileName() + ", found " + blocks.size());
        }
        return blocks.get(0);
    }

    private static List<byte[]> decodeAll(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        List<byte[]> blocks = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = pem.indexOf(begin, from);
            if (start < 0) {
                return blocks;
            }
            int stop = pem.indexOf(end, start);
            if (stop < 0) {
                throw new IllegalArgumentException("unterminated PEM block " + type);
            }
            blocks.add(Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop)));
            from = stop + end.length();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
    }

    /** Writes to a sibling temp file created with the final permissions, then renames it over. */
    private static void writeAtomically(Path file, String content, boolean secret) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".pem", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }
}
