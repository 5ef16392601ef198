package dev.shomei.protocol.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A component in production refuses to start when it can read a CA's private key: a machine that
 * holds one can mint certificates for any terminal, center or backend. It looks in the component's
 * key directory (three levels deep) for the dev PKI's CA key files by name ({@code ca.key},
 * {@code vds/csca.key}, {@code jlis-dev.key}) and for any readable {@code X.key} whose {@code X.crt}
 * is a CA certificate.
 */
public final class CaKeyGuard {
    private static final Set<String> CA_KEY_NAMES = Set.of("ca.key", "csca.key", "jlis-dev.key");

    private CaKeyGuard() {
    }

    /** The readable CA private key files under {@code dir}; empty when there are none (or no dir). */
    public static List<Path> caPrivateKeys(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            return files.filter(Files::isRegularFile).filter(Files::isReadable)
                    .filter(f -> f.getFileName().toString().endsWith(".key"))
                    .filter(CaKeyGuard::isCaKey).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the key directory " + dir, e);
        }
    }

    /**
     * Throws {@link IllegalStateException} naming the first CA key file when {@code dir} holds one:
     * the production start-up check.
     */
    public static void refuseCaKeys(Path dir) {
        List<Path> found = caPrivateKeys(dir);
        if (!found.isEmpty()) {
            throw new IllegalStateException("refusing to start: this machine can read a CA private key (" + found.getFirst()
                    + "). A production component holds only its own key, its certificate chain and the trust anchors it "
                    + "needs (docs/operations.md, \"Provisioning\"); the dev PKI is for --demo only.");
        }
    }

    private static boolean isCaKey(Path keyFile) {
        String name = keyFile.getFileName().toString();
        if (CA_KEY_NAMES.contains(name)) {
            return true;
        }
        Path certificate = keyFile.resolveSibling(name.substring(0, name.length() - ".key".length()) + ".crt");
        if (!Files.isRegularFile(certificate)) {
            return false;
        }
        try {
            X509Certificate parsed = Pem.readCertificate(certificate);
            return parsed.getBasicConstraints() >= 0;
        } catch (RuntimeException e) {
            return false; // not a certificate we can read: not evidence of a CA key
        }
    }
}
