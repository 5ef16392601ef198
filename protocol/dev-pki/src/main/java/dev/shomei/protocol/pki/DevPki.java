package dev.shomei.protocol.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The development PKI, generated on first use into one directory and reused afterwards.
 *
 * <pre>
 * ca.crt / ca.key                       dev root CA (EC P-256): trusted by every TLS link
 * center-server.crt/.key                the center: line 8420 and operator console 8421
 * backend-server.crt/.key               the record backend: API 8410 and clerk console 8411
 * center-client.crt/.key                the center's client certificate on the backend link
 * terminals/&lt;id&gt;.crt/.key             a kiosk's client certificate, CN = terminal id
 * jlis-dev.key / jlis-dev.pub           RSA-2048 dev J-LIS CA key that signs virtual cards ("9000033/001")
 * shc/issuer-1.key                      SMART Health Card issuer key (EC P-256)
 * shc/issuer-1.rid                      its revocation-id secret (vc.rid)
 * vds/csca.crt/.key, vds/signer.crt/.key  VDS-NC test CSCA and barcode signer
 * </pre>
 *
 * Private keys are 0600 and never printed. Safe to call from several processes at once: creation
 * happens under a file lock. A {@link KeySource} that creates what is asked for; components read the
 * same layout through {@link dev.shomei.protocol.pki.KeyDirectory}, which creates nothing.
 */
public final class DevPki implements KeySource {
    /** The demo terminals: the center registers them on its first run, {@code ./shomei pki} makes their certificates. */
    public static final List<String> DEMO_TERMINALS = List.of("K0001", "K0002", "K0003", "K0004");

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Leaf certificates live 90 days and are renewed in their last 30 (docs/operations.md, "Renewal"). */
    static final Duration LEAF_VALIDITY = Duration.ofDays(90);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final List<String> LOCAL_NAMES = List.of("localhost");
    private static final List<String> LOCAL_ADDRESSES = List.of("127.0.0.1", "::1");

    private final Path dir;
    private final TlsIdentity rootCa;

    private DevPki(Path dir, TlsIdentity rootCa) {
        this.dir = dir;
        this.rootCa = rootCa;
    }

    /** Opens the PKI in {@code dir}, creating whatever is missing. */
    public static DevPki ensure(Path dir) {
        Path absolute = dir.toAbsolutePath();
        return underLock(absolute, () -> {
            TlsIdentity ca = identity(absolute, "ca", () -> {
                KeyPair keys = CertificateMaker.ecKeyPair();
                return new Generated(CertificateMaker.rootCa("CN=shomei dev root CA,O=shomei dev", keys, CA_VALIDITY),
                        keys.getPrivate());
            });
            DevPki pki = new DevPki(absolute, ca);
            pki.centerServer();
            pki.backendServer();
            pki.centerClient();
            pki.jlisDevKey();
            pki.shcIssuerKey();
            pki.shcRevocationSecrets();
            pki.vdsSigner();
            return pki;
        });
    }

    public Path dir() {
        return dir;
    }

    @Override
    public X509Certificate rootCaCertificate() {
        return rootCa.certificate();
    }

    @Override
    public Path rootCaPem() {
        return rootCa.certificatePem();
    }

    @Override
    public TlsIdentity centerServer() {
        return leaf("center-server", "CN=center,OU=certificate center,O=shomei dev", true, false);
    }

    @Override
    public TlsIdentity backendServer() {
        return leaf("backend-server", "CN=backend,OU=record backend,O=shomei dev", true, false);
    }

    @Override
    public TlsIdentity centerClient() {
        return leaf("center-client", "CN=center-client,OU=certificate center,O=shomei dev", false, true);
    }

    /** A kiosk's client certificate (CN = terminal id), created on first request. */
    @Override
    public TlsIdentity terminal(String terminalId) {
        if (terminalId == null || !TERMINAL_ID.matcher(terminalId).matches()) {
            throw new IllegalArgumentException("terminal id must be 1-32 letters, digits or '-'");
        }
        return leaf("terminals/" + terminalId, "CN=" + terminalId + ",OU=kiosk terminal,O=shomei dev", false, true);
    }

    /** The RSA-2048 key of the dev J-LIS hierarchy ({@link #JLIS_DEV_KEY_ID}). */
    public KeyPair jlisDevKey() {
        return keyPair("jlis-dev", true);
    }

    @Override
    public PublicKey jlisDevPublicKey() {
        return jlisDevKey().getPublic();
    }

    /** The SMART Health Card issuer key (EC P-256); the backend adds rotated keys beside it. */
    public KeyPair shcIssuerKey() {
        return keyPair("shc/issuer-1", false);
    }

    /**
     * Gives every SMART Health Card issuer key its revocation-id secret {@code issuer-<n>.rid} (32 random
     * bytes, base64, mode 600) where it has none: the backend derives each card's {@code vc.rid} from it
     * and never creates one itself. Also for keys rotated in before secrets existed.
     */
    private void shcRevocationSecrets() {
        try (java.util.stream.Stream<Path> files = Files.list(shcDir())) {
            for (Path key : files.filter(f -> f.getFileName().toString().matches("issuer-\\d+\\.key")).toList()) {
                String name = key.getFileName().toString().replace(".key", ".rid");
                Path secretFile = shcDir().resolve(name);
                if (Files.exists(secretFile)) {
                    continue;
                }
                byte[] secret = new byte[32];
                new java.security.SecureRandom().nextBytes(secret);
                Files.writeString(secretFile, java.util.Base64.getEncoder().encodeToString(secret) + "\n",
                        java.nio.charset.StandardCharsets.US_ASCII);
                java.util.Arrays.fill(secret, (byte) 0);
                try {
                    Files.setPosixFilePermissions(secretFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a non-POSIX file system
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the SMART Health Card revocation-id secrets", e);
        }
    }

    @Override
    public Path shcDir() {
        return dir.resolve("shc");
    }

    /** The VDS-NC test CSCA (the country signing CA a verifier trusts). */
    @Override
    public X509Certificate vdsCscaCertificate() {
        return vdsCsca().certificate();
    }

    public Path vdsCscaPem() {
        return vdsCsca().certificatePem();
    }

    /** The VDS-NC barcode signer, issued by the test CSCA. */
    @Override
    public TlsIdentity vdsSigner() {
        TlsIdentity csca = vdsCsca();
        return underLock(dir, () -> renewing(dir, "vds/signer", () -> {
            KeyPair keys = CertificateMaker.ecKeyPair();
            return new Generated(CertificateMaker.barcodeSigner("CN=shomei dev barcode signer,O=shomei dev,C=JP",
                    keys.getPublic(), csca.certificate(), csca.privateKey(), LEAF_VALIDITY), keys.getPrivate());
        }));
    }

    private TlsIdentity vdsCsca() {
        return underLock(dir, () -> identity(dir, "vds/csca", () -> {
            KeyPair keys = CertificateMaker.ecKeyPair();
            return new Generated(CertificateMaker.rootCa("CN=shomei dev CSCA,O=shomei dev,C=JP", keys, CA_VALIDITY),
                    keys.getPrivate());
        }));
    }

    private TlsIdentity leaf(String name, String subject, boolean server, boolean client) {
        return underLock(dir, () -> renewing(dir, name, () -> {
            KeyPair keys = CertificateMaker.ecKeyPair();
            return new Generated(CertificateMaker.tlsLeaf(subject, keys.getPublic(), rootCa.certificate(),
                    rootCa.privateKey(), LEAF_VALIDITY, server, client,
                    server ? LOCAL_NAMES : List.of(), server ? LOCAL_ADDRESSES : List.of()), keys.getPrivate());
        }));
    }

    private KeyPair keyPair(String name, boolean rsa) {
        return underLock(dir, () -> {
            Path privateFile = dir.resolve(name + ".key");
            Path publicFile = dir.resolve(name + ".pub");
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPair keys = rsa ? CertificateMaker.rsaKeyPair() : CertificateMaker.ecKeyPair();
                Pem.writePublicKey(publicFile, keys.getPublic());
                Pem.writePrivateKey(privateFile, keys.getPrivate());
            }
            PublicKey publicKey = Pem.readPublicKey(publicFile);
            PrivateKey privateKey = Pem.readPrivateKey(privateFile);
            return new KeyPair(publicKey, privateKey);
        });
    }

    private record Generated(X509Certificate certificate, PrivateKey privateKey) {
    }

    private interface Generator {
        Generated generate();
    }

    /** Loads {@code name.crt}/{@code name.key} under {@code base}, generating both when either is missing. */
    private static TlsIdentity identity(Path base, String name, Generator generator) {
        Path certificateFile = base.resolve(name + ".crt");
        Path keyFile = base.resolve(name + ".key");
        if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
            Generated generated = generator.generate();
            Pem.writePrivateKey(keyFile, generated.privateKey());
            Pem.writeCertificate(certificateFile, generated.certificate());
        }
        return TlsIdentity.load(certificateFile, keyFile);
    }

    /** Like {@link #identity}, and makes a new key and certificate when the certificate is in its last {@link #RENEW_BEFORE}. */
    private static TlsIdentity renewing(Path base, String name, Generator generator) {
        TlsIdentity current = identity(base, name, generator);
        if (current.certificate().getNotAfter().toInstant().isAfter(java.time.Instant.now().plus(RENEW_BEFORE))) {
            return current;
        }
        Generated generated = generator.generate();
        Pem.writePrivateKey(current.privateKeyPem(), generated.privateKey());
        Pem.writeCertificate(current.certificatePem(), generated.certificate());
        return TlsIdentity.load(current.certificatePem(), current.privateKeyPem());
    }

    private interface Work<T> {
        T run();
    }

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    /** One creator at a time, across threads and processes (a file lock; nested calls reuse it). */
    private static <T> T underLock(Path dir, Work<T> work) {
        IN_PROCESS.lock();
        try {
            if (IN_PROCESS.getHoldCount() > 1) {
                return work.run();
            }
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return work.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the dev PKI", e);
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
