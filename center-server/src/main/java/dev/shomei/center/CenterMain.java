package dev.shomei.center;

import dev.shomei.center.config.StateFiles;
import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.auth.Role;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.consolesecurity.PasswordHashes;
import dev.shomei.protocol.pki.KeyDirectory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./shomei center serve [--line-port 8420] [--console-port 8421] [--backend https://127.0.0.1:8410]}.
 * Configuration lives in {@code <shomei.state>/center/}, keys in {@code <shomei.state>/pki/} (read only;
 * {@code ./shomei pki} makes them); on first run the demo terminals K0001..K0004 are registered and two
 * demo logins are created, their passwords and TOTP secrets written to {@code demo-logins.txt} (0600).
 * Stops on Ctrl-C.
 */
public final class CenterMain {
    public static final List<String> DEMO_TERMINALS = List.of("K0001", "K0002", "K0003", "K0004");

    private CenterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && "audit-verify".equals(args[0])) {
            System.exit(auditVerify(Path.of(System.getProperty("shomei.state", "state")).resolve("center"), System.out));
        }
        if (args.length == 0 || !"serve".equals(args[0])) {
            System.err.println("usage: center audit-verify | center serve [--line-port 8420] [--console-port 8421] [--backend https://127.0.0.1:8410] "
                    + "[--console-client-certificates required|off]");
            System.exit(2);
        }
        Path state = Path.of(System.getProperty("shomei.state", "state"));
        Path dir = state.resolve("center");
        CenterSettings settings = CenterSettings.load(dir.resolve(CenterSettings.FILE_NAME));
        int linePort = settings.linePort();
        int consolePort = settings.consolePort();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--line-port" -> linePort = Integer.parseInt(value);
                case "--console-port" -> consolePort = Integer.parseInt(value);
                case "--backend" -> settings = settings.withBackend(URI.create(value));
                case "--console-client-certificates" -> settings = settings.withConsoleClientCertificates(switch (value) {
                    case "required" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--console-client-certificates is required or off");
                });
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        settings = settings.withPorts(linePort, consolePort);
        if (!settings.consoleClientCertificates()) {
            System.err.println("""
                    *****************************************************************************
                    * WARNING: operator console client certificates are OFF (demo mode).        *
                    * Any browser that reaches the console port gets the login page. Never run  *
                    * a real center like this: set console.client-certificates: required.       *
                    *****************************************************************************""");
        }
        KeyDirectory keys = KeyDirectory.open(state.resolve("pki"));
        firstRun(dir);
        CenterServer center = CenterServer.start(settings, dir, keys, CenterServer.Parts.real(settings, keys));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            center.close();
            stopped.countDown();
        }, "center-shutdown"));
        System.out.println("center: line 127.0.0.1:" + center.linePort() + ", operator console https://"
                + settings.consoleHost() + ":" + center.consolePort() + "/ (logins: " + dir.resolve("demo-logins.txt") + ")");
        stopped.await();
    }

    /** Walks the operator audit trail's chain; 0 when intact, 1 when an entry was edited, inserted or deleted. */
    static int auditVerify(Path dir, java.io.PrintStream out) {
        var check = new dev.shomei.consolesecurity.AuditTrail(
                dir.resolve(dev.shomei.center.console.ConsoleContext.OPERATOR_AUDIT_FILE), java.time.Clock.systemUTC()).verify();
        if (check.intact()) {
            out.println("operator audit trail intact: " + check.entries() + " entries");
            return 0;
        }
        out.println("operator audit trail BROKEN at entry " + check.brokenAt().orElse(-1L) + ": " + check.reason()
                + " (" + check.entries() + " entries before it verify)");
        return 1;
    }

    /** Demo terminals and demo logins, once. The terminals' certificates come from {@code ./shomei pki}. */
    public static void firstRun(Path dir) {
        TerminalRegistry registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        if (registry.all().isEmpty()) {
            for (int i = 0; i < DEMO_TERMINALS.size(); i++) {
                String id = DEMO_TERMINALS.get(i);
                registry.register(id, "Demo store " + (i + 1));
            }
        }
        OperatorAccounts accounts = new OperatorAccounts(dir.resolve("operators.json"), new SecureRandom(),
                PasswordHashes.ITERATIONS);
        if (accounts.isEmpty()) {
            SecureRandom random = new SecureRandom();
            String adminPassword = password(random);
            String operatorPassword = password(random);
            String adminSecret = accounts.create("admin", Role.ADMIN, adminPassword.toCharArray());
            String operatorSecret = accounts.create("operator", Role.OPERATOR, operatorPassword.toCharArray());
            String text = """
                    shomei certificate center: demo operator logins (keep this file private)
                    Console: https://127.0.0.1:8421/  (trust the dev CA: state/pki/ca.crt)
                    Enrol a TOTP secret in an authenticator app (SHA-1, 6 digits, 30 s), or use
                    `oathtool --totp -b SECRET` to print the current code.

                    admin     (role ADMIN)     password: %s   TOTP secret: %s
                    operator  (role OPERATOR)  password: %s   TOTP secret: %s
                    """.formatted(adminPassword, adminSecret, operatorPassword, operatorSecret);
            StateFiles.write(dir.resolve("demo-logins.txt"), text.getBytes(StandardCharsets.UTF_8), true);
        }
    }

    private static String password(SecureRandom random) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-'); // groups of four: easier to type, and never all letters
            }
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
