package dev.shomei.protocol.pki;

import dev.shomei.protocol.HelpOption;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./shomei pki [--terminal ID]}: creates the dev PKI in the state directory (idempotent), with
 * the client certificates of the demo terminals ({@link DevPki#DEMO_TERMINALS}), and names its folder;
 * with {@code --terminal} also the client certificate of a new kiosk terminal. The components only
 * read what it made (the launcher runs it before starting one).
 */
public final class DevPkiCli {
    static final String USAGE = "usage: shomei pki [--terminal ID]   the dev PKI (demo and tests only)";

    private DevPkiCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(System.getProperty("shomei.state", "state")), System.out, System.err));
    }

    static int run(String[] args, Path state, PrintStream out, PrintStream err) {
        if (HelpOption.asked(args)) {
            out.println(USAGE);
            out.print(ProvisioningCli.USAGE);
            return 0;
        }
        if (args.length > 0 && (args[0].equals("csr") || args[0].equals("sign"))) {
            return ProvisioningCli.run(args, out, err);
        }
        String terminal = null;
        if (args.length == 2 && args[0].equals("--terminal")) {
            terminal = args[1];
        } else if (args.length != 0) {
            err.println(USAGE);
            return 2;
        }
        DevPki pki = DevPki.ensure(state.resolve("pki"));
        DevPki.DEMO_TERMINALS.forEach(pki::terminal);
        if (terminal == null) {
            out.println("dev PKI ready in " + pki.dir());
            return 0;
        }
        try {
            TlsIdentity identity = pki.terminal(terminal);
            out.println("terminal " + terminal + ": " + identity.certificatePem() + " (key " + identity.privateKeyPem() + ")");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("pki: " + e.getMessage());
            return 2;
        }
    }
}
