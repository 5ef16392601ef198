package dev.shomei.protocol.pki;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./shomei pki csr --name NAME --out DIR (--terminal ID | --subject DN)} on the machine that
 * keeps the key, and {@code ./shomei pki sign --csr FILE --ca DIR --profile terminal|server|client
 * --out FILE [--days 90]} on the CA's machine (see {@link Provisioning}).
 */
final class ProvisioningCli {
    static final String USAGE = """
            usage: shomei pki csr --out DIR (--terminal ID | --name NAME --subject DN)
                   shomei pki sign --csr FILE --ca DIR --profile terminal|server|client|vds-signer --out FILE [--days 90]
                   (vds-signer: --ca is the CSCA's folder, with csca.crt and csca.key)""";

    private ProvisioningCli() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length || !args[i].startsWith("--")) {
                err.println(USAGE);
                return 2;
            }
            options.put(args[i], args[i + 1]);
        }
        try {
            if (args[0].equals("csr")) {
                String terminal = options.get("--terminal");
                String name = terminal != null ? terminal : options.get("--name");
                String subject = terminal != null ? "CN=" + terminal + ",OU=kiosk terminal,O=shomei" : options.get("--subject");
                if (name == null || subject == null || options.get("--out") == null) {
                    err.println(USAGE);
                    return 2;
                }
                Path csr = Provisioning.csr(Path.of(options.get("--out")), name, subject);
                out.println("key " + csr.resolveSibling(name + ".key") + " (stays here), request " + csr
                        + " (send it to the CA)");
                return 0;
            }
            if (options.get("--csr") == null || options.get("--ca") == null || options.get("--out") == null
                    || options.get("--profile") == null) {
                err.println(USAGE);
                return 2;
            }
            int days = Integer.parseInt(options.getOrDefault("--days", String.valueOf(DevPki.LEAF_VALIDITY.toDays())));
            if (days < 1 || days > 397) {
                err.println("pki: --days must be 1..397");
                return 2;
            }
            var certificate = Provisioning.sign(Path.of(options.get("--csr")), Path.of(options.get("--ca")),
                    Provisioning.Profile.valueOf(options.get("--profile").replace('-', '_').toUpperCase(java.util.Locale.ROOT)),
                    Duration.ofDays(days), Path.of(options.get("--out")));
            out.println("signed " + certificate.getSubjectX500Principal().getName() + ", serial "
                    + certificate.getSerialNumber().toString(16) + ", valid until " + certificate.getNotAfter().toInstant()
                    + " -> " + options.get("--out"));
            return 0;
        } catch (RuntimeException e) {
            err.println("pki: " + e.getMessage());
            return 1;
        }
    }
}
