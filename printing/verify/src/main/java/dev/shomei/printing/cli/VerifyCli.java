package dev.shomei.printing.cli;

import dev.shomei.printing.verify.CertificateVerifier;
import dev.shomei.printing.verify.QrScanner;
import dev.shomei.printing.verify.RevocationLists;
import dev.shomei.printing.verify.ScannedQr;
import dev.shomei.printing.verify.TrustSources;
import dev.shomei.printing.verify.Verdict;
import dev.shomei.protocol.HelpOption;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.pki.KeyDirectory;
import dev.shomei.protocol.pki.Pem;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcVerifier;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./shomei verify FILE.pdf|FILE.png [--jwks URL|FILE] [--csca FILE] [--ca FILE] [--trust URL]
 * [--crl FILE]... [--vds-revoked FILE]}: finds every QR code on every page, verifies each, prints what
 * it says and VALID or INVALID with the reason, and whether it is revoked. Exit status 0 when every
 * code is valid and none revoked, 1 when any is invalid or none is found, 2 on a usage or input error,
 * 3 when every code is valid but one is revoked.
 *
 * <p>Revocation is checked against the issuer's public trust endpoint ({@code --trust https://host:8412},
 * which also serves the JWKS when {@code --jwks} is not given) or list files ({@code --crl} SMART
 * Health Card lists, {@code --vds-revoked} the signed VDS-NC list). A list that cannot be read is
 * reported as "revocation: not checked (could not reach ...)" and does not change the exit status.
 *
 * <p>Trust defaults to the keys in {@code <shomei.state>/pki} (read, never created): the SMART Health
 * Card issuer keys and the VDS-NC CSCA. {@code --ca} names the CA certificate that an https JWKS URL must chain to.
 */
public final class VerifyCli {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    static final int REVOKED = 3;

    private static final String USAGE_TEXT = "usage: shomei verify FILE.pdf|FILE.png [--jwks URL|FILE] [--csca FILE]"
            + " [--ca FILE] [--trust URL] [--crl FILE]... [--vds-revoked FILE]";

    private VerifyCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs the command with the keys of {@code -Dshomei.state}; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, Path.of(System.getProperty("shomei.state", "state")));
    }

    /** Runs the command; {@code stateDir} holds the keys ({@code pki/}) used when no trust flags are given. */
    static int run(String[] args, PrintStream out, PrintStream err, Path stateDir) {
        if (HelpOption.asked(args)) {
            out.println(USAGE_TEXT);
            return VALID;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        CertificateVerifier verifier;
        List<ScannedQr> codes;
        try {
            verifier = verifier(options, stateDir);
            codes = new QrScanner().scan(Files.readAllBytes(options.file()));
        } catch (IOException | UncheckedIOException | CertificateVerificationException e) {
            err.println("shomei verify: " + e.getMessage());
            return USAGE;
        }
        if (codes.isEmpty()) {
            out.println("no QR code found in " + options.file().getFileName());
            out.println("INVALID");
            return INVALID;
        }
        int valid = 0;
        int revoked = 0;
        for (ScannedQr code : codes) {
            Verdict verdict = verifier.verify(code);
            out.println("page " + verdict.page() + ": " + verdict.kind().label());
            verdict.statements().forEach(line -> out.println("  " + line));
            out.println("  " + (verdict.valid() ? "VALID (" + verdict.reason() + ")" : "INVALID: " + verdict.reason()));
            if (verdict.valid()) {
                out.println("  " + verdict.revocation().line());
            }
            valid += verdict.valid() ? 1 : 0;
            revoked += verdict.revoked() ? 1 : 0;
        }
        boolean allValid = valid == codes.size();
        String summary = !allValid ? "INVALID" : revoked > 0 ? "REVOKED" : "VALID";
        out.println(codes.size() + " QR code(s), " + valid + " valid" + (revoked > 0 ? ", " + revoked + " revoked" : "")
                + ": " + summary);
        return !allValid ? INVALID : revoked > 0 ? REVOKED : VALID;
    }

    private static CertificateVerifier verifier(Options options, Path stateDir) throws IOException {
        // the state directory's keys only when a flag is missing: explicit trust never touches it
        String jwksLocation = options.jwks() != null ? options.jwks()
                : options.trust() != null ? trimmed(options.trust()) + "/.well-known/jwks.json" : null;
        KeyDirectory pki = jwksLocation == null || options.csca() == null ? KeyDirectory.open(stateDir.resolve("pki")) : null;
        Jwks jwks = jwksLocation != null ? TrustSources.jwks(jwksLocation, options.ca()) : TrustSources.devJwks(pki);
        List<X509Certificate> cscas = options.csca() != null ? Pem.readCertificates(options.csca())
                : List.of(pki.vdsCscaCertificate());
        VdsNcVerifier vdsNc = new VdsNcVerifier(cscas);
        RevocationLists revocation = options.trust() != null
                ? RevocationLists.endpoint(URI.create(trimmed(options.trust())), options.ca(), vdsNc)
                : !options.crls().isEmpty() || options.vdsRevoked() != null
                ? RevocationLists.files(options.crls(), options.vdsRevoked(), vdsNc) : null;
        return new CertificateVerifier(new SmartHealthCardVerifier(jwks), vdsNc, revocation);
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    record Options(Path file, String jwks, Path csca, Path ca, String trust, List<Path> crls, Path vdsRevoked) {
        static Options parse(String[] args) {
            Path file = null;
            String jwks = null;
            Path csca = null;
            Path ca = null;
            String trust = null;
            List<Path> crls = new ArrayList<>();
            Path vdsRevoked = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--jwks" -> jwks = value(args, ++i, arg);
                    case "--csca" -> csca = Path.of(value(args, ++i, arg));
                    case "--ca" -> ca = Path.of(value(args, ++i, arg));
                    case "--trust" -> trust = value(args, ++i, arg);
                    case "--crl" -> crls.add(Path.of(value(args, ++i, arg)));
                    case "--vds-revoked" -> vdsRevoked = Path.of(value(args, ++i, arg));
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + arg);
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("name a certificate PDF or PNG");
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            if (trust != null && !trust.startsWith("https://") && !trust.startsWith("http://")) {
                throw new IllegalArgumentException("--trust needs the endpoint's URL, e.g. https://127.0.0.1:8412");
            }
            if (trust != null && (!crls.isEmpty() || vdsRevoked != null)) {
                throw new IllegalArgumentException("--trust and revocation list files exclude each other");
            }
            return new Options(file, jwks, csca, ca, trust, List.copyOf(crls), vdsRevoked);
        }

        private static String value(String[] args, int index, String flag) {
            if (index >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[index];
        }
    }
}
