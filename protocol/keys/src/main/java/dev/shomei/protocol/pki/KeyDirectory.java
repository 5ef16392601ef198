package dev.shomei.protocol.pki;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.regex.Pattern;

/**
 * The keys of one directory in the {@code state/pki} layout, read as they are: it never creates,
 * replaces or regenerates a file. Each method reads its files when called, so a component reads
 * only its own keys. A missing file is an {@link UncheckedIOException} that names the file and how
 * to create it.
 *
 * <pre>
 * ca.crt                                the CA every TLS link trusts
 * center-server.crt/.key                the center: line 8420 and operator console 8421
 * backend-server.crt/.key               the record backend: API 8410 and clerk console 8411
 * center-client.crt/.key                the center's client certificate on the backend link
 * terminals/&lt;id&gt;.crt/.key             a kiosk's client certificate, CN = terminal id
 * jlis-dev.pub (.key)                   the dev J-LIS CA key of virtual cards
 * shc/issuer-&lt;n&gt;.key/.pub             SMART Health Card issuer keys
 * vds/csca.crt, vds/signer.crt/.key     VDS-NC CSCA and barcode signer
 * </pre>
 */
public final class KeyDirectory implements KeySource {
    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");

    private final Path dir;

    private KeyDirectory(Path dir) {
        this.dir = dir;
    }

    /** The keys under {@code dir} (usually {@code <shomei.state>/pki}); nothing is read yet. */
    public static KeyDirectory open(Path dir) {
        return new KeyDirectory(dir.toAbsolutePath());
    }

    public Path dir() {
        return dir;
    }

    @Override
    public X509Certificate rootCaCertificate() {
        return Pem.readCertificate(existing("ca.crt"));
    }

    @Override
    public Path rootCaPem() {
        return existing("ca.crt");
    }

    @Override
    public TlsIdentity centerServer() {
        return identity("center-server");
    }

    @Override
    public TlsIdentity backendServer() {
        return identity("backend-server");
    }

    @Override
    public TlsIdentity centerClient() {
        return identity("center-client");
    }

    @Override
    public TlsIdentity terminal(String terminalId) {
        if (terminalId == null || !TERMINAL_ID.matcher(terminalId).matches()) {
            throw new IllegalArgumentException("terminal id must be 1-32 letters, digits or '-'");
        }
        return identity("terminals/" + terminalId);
    }

    /**
     * The center's client certificate without its key: what the backend pins, in a backend's key
     * directory that holds no center key.
     */
    public X509Certificate centerClientCertificate() {
        return Pem.readCertificate(existing("center-client.crt"));
    }

    @Override
    public PublicKey jlisDevPublicKey() {
        return Pem.readPublicKey(existing("jlis-dev.pub"));
    }

    /**
     * The dev J-LIS CA key pair, private key included: only for signing virtual cards
     * ({@code ./shomei card new}, the kiosk's {@code --demo} card), never for verifying.
     */
    public KeyPair jlisDevKey() {
        return new KeyPair(jlisDevPublicKey(), Pem.readPrivateKey(existing("jlis-dev.key")));
    }

    @Override
    public Path shcDir() {
        return existing("shc");
    }

    @Override
    public TlsIdentity vdsSigner() {
        return identity("vds/signer");
    }

    @Override
    public X509Certificate vdsCscaCertificate() {
        return Pem.readCertificate(existing("vds/csca.crt"));
    }

    private TlsIdentity identity(String name) {
        Path certificate = existing(name + ".crt");
        Path key = existing(name + ".key");
        return new TlsIdentity(certificate, key, Pem.readCertificate(certificate), Pem.readPrivateKey(key));
    }

    private Path existing(String name) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            String create = name.startsWith("terminals/")
                    ? "./shomei pki --terminal " + name.substring("terminals/".length(), name.length() - 4)
                    : "./shomei pki";
            throw new UncheckedIOException("no " + name + " in " + dir + " (provision it, docs/operations.md; "
                    + "for the demo: " + create + ")",
                    new NoSuchFileException(file.toString()));
        }
        return file;
    }

    @Override
    public String toString() {
        return "KeyDirectory[" + dir + "]";
    }
}
