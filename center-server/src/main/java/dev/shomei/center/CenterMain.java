package dev.shomei.center;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.TrustedCardKeys;
import dev.shomei.center.config.StateFiles;
import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.auth.Role;
import dev.shomei.center.registry.CertificatePin;
import dev.shomei.center.registry.Terminal;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.consolesecurity.PasswordHashes;
import dev.shomei.protocol.CliOptions;
import dev.shomei.protocol.HelpOption;
import dev.shomei.protocol.LogLineFormat;
import dev.shomei.protocol.line.tls.PeerIdentity;
import dev.shomei.protocol.pki.CaKeyGuard;
import dev.shomei.protocol.pki.KeyDirectory;
import dev.shomei.protocol.pki.KeySource;
import dev.shomei.protocol.pki.Pem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./shomei center serve [--demo [--open-all-day]] [--keys DIR] [--line-port 8420] [--console-port 8421]
 * [--backend https://127.0.0.1:8410]} and {@code ./shomei center enrol --terminal ID --certificate FILE [--label L]}.
 * Configuration lives in {@code <shomei.state>/center/}, keys in {@code --keys} (default
 * {@code <shomei.state>/pki/}; read only, never created).
 *
 * <p>Production (no {@code --demo}): the key directory holds the center's own keys and the CA
 * certificate only: a readable CA private key there stops the start; cards are checked against the
 * J-LIS keys of {@code card-trust-keys} ({@code card-trust: dev} is refused); no terminal is
 * registered by itself (enrol each with its certificate), and no login is made: the first
 * administrator is created with {@code center first-admin} (no account: the start is refused). With {@code --demo}: the dev PKI, dev card
 * trust, and on first run the demo terminals K0001..K0004 (pinned to their dev certificates) and two
 * demo logins written to {@code demo-logins.txt} (0600); every start-up line says DEMO. {@code --open-all-day}
 * (only with {@code --demo}; {@code ./shomei demo} passes it) ignores the municipalities' service hours.
 * Stops on Ctrl-C.
 */
public final class CenterMain {
    public static final List<String> DEMO_TERMINALS = List.of("K0001", "K0002", "K0003", "K0004");

    private CenterMain() {
    }

    public static void main(String[] args) throws Exception {
        LogLineFormat.useUnlessConfigured();
        if (HelpOption.asked(args)) {
            System.out.print(USAGE);
            System.exit(0);
        }
        if (args.length == 1 && "audit-verify".equals(args[0])) {
            System.exit(auditVerify(Path.of(System.getProperty("shomei.state", "state")).resolve("center"), System.out));
        }
        if (args.length > 0 && "enrol".equals(args[0])) {
            System.exit(enrol(args));
        }
        if (args.length > 0 && "first-admin".equals(args[0])) {
            System.exit(firstAdmin(args));
        }
        if (args.length == 0 || !"serve".equals(args[0])) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Path state = Path.of(System.getProperty("shomei.state", "state"));
        Path dir = state.resolve("center");
        ServeOptions options;
        try {
            options = ServeOptions.parse(args, CenterSettings.load(dir.resolve(CenterSettings.FILE_NAME)), state.resolve("pki"));
        } catch (IllegalArgumentException e) {
            System.err.println("center: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        CenterSettings settings = options.settings();
        boolean demo = options.demo();
        boolean openAllDay = options.openAllDay();
        Path keysDir = options.keys();
        if (!settings.consoleClientCertificates()) {
            System.err.println("""
                    *****************************************************************************
                    * WARNING: operator console client certificates are OFF (demo mode).        *
                    * Any browser that reaches the console port gets the login page. Never run  *
                    * a real center like this: set console.client-certificates: required.       *
                    *****************************************************************************""");
        }
        if (openAllDay && !demo) {
            System.err.println("center: --open-all-day ignores the municipalities' service hours; it is allowed only "
                    + "with --demo (a real center keeps each municipality's hours, set in the operator console)");
            System.exit(2);
            return;
        }
        KeyDirectory keys = KeyDirectory.open(keysDir);
        TrustedCardKeys cardKeys;
        try {
            if (demo) {
                settings = settings.withCardTrust(TrustedCardKeys.Profile.DEV);
                cardKeys = TrustedCardKeys.dev(KeyId.parse(KeySource.JLIS_DEV_KEY_ID), keys.jlisDevPublicKey());
                System.out.println(DEMO_BANNER);
                if (openAllDay) {
                    System.out.println(OPEN_ALL_DAY_BANNER);
                }
                firstRun(dir, keys);
            } else {
                cardKeys = productionCardTrust(settings, dir);
                CaKeyGuard.refuseCaKeys(keysDir);
                FirstAdmin.requireAccounts(dir);
            }
        } catch (RuntimeException e) {
            System.err.println("center: " + e.getMessage());
            System.exit(2);
            return;
        }
        CenterServer center = CenterServer.start(settings, dir, keys, CenterServer.Parts.real(settings, keys, cardKeys),
                openAllDay ? CenterServer.ServiceHours.DEMO_OPEN_ALL_DAY : CenterServer.ServiceHours.AS_SET);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            center.close();
            stopped.countDown();
        }, "center-shutdown"));
        System.out.println("center: line 127.0.0.1:"
                + center.linePort() + ", operator console https://" + settings.consoleHost() + ":" + center.consolePort()
                + "/" + (demo ? " (logins: " + dir.resolve("demo-logins.txt") + ")" : "") + ", card trust "
                + settings.cardTrust() + " "
                + cardKeys.keyIds() + (demo ? " [DEMO: dev PKI, dev card trust]" : ""));
        stopped.await();
    }

    static final String USAGE = """
            usage: center serve [--demo [--open-all-day]] [--keys DIR] [--line-port 8420] [--console-port 8421]
                                [--backend https://127.0.0.1:8410] [--console-client-certificates required|off]
                   center enrol --terminal ID --certificate FILE [--label LABEL]
                   center first-admin --username NAME [--password-stdin]
                   center audit-verify
            (docs/operations.md says what each does and which files a production center needs)
            """;

    /**
     * The command line of {@code serve}, applied over {@code center.yaml}'s settings.
     *
     * @throws IllegalArgumentException naming the option that is wrong
     */
    record ServeOptions(CenterSettings settings, boolean demo, boolean openAllDay, Path keys) {
        static ServeOptions parse(String[] args, CenterSettings settings, Path defaultKeys) {
            CliOptions options = CliOptions.parse(args, 1, Set.of("--line-port", "--console-port", "--backend", "--keys",
                    "--console-client-certificates"), Set.of("--demo", "--open-all-day"));
            String backend = options.optional("--backend", null);
            if (backend != null) {
                settings = settings.withBackend(URI.create(backend));
            }
            String clientCertificates = options.optional("--console-client-certificates", null);
            if (clientCertificates != null) {
                settings = settings.withConsoleClientCertificates(switch (clientCertificates) {
                    case "required" -> true;
                    case "off" -> false;
                    default -> throw new IllegalArgumentException("--console-client-certificates is required or off");
                });
            }
            settings = settings.withPorts(port(options, "--line-port", settings.linePort()),
                    port(options, "--console-port", settings.consolePort()));
            String keys = options.optional("--keys", null);
            return new ServeOptions(settings, options.flag("--demo"), options.flag("--open-all-day"),
                    keys == null ? defaultKeys : Path.of(keys));
        }

        private static int port(CliOptions options, String option, int fallback) {
            String value = options.optional(option, null);
            return value == null ? fallback : port(option, value);
        }

        private static int port(String option, String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // told below
            }
            throw new IllegalArgumentException(option + " must be a port number 0..65535");
        }
    }

    /** {@code center first-admin --username NAME [--password-stdin]}: see {@link FirstAdmin}. */
    static int firstAdmin(String[] args) {
        List<String> options = List.of(args).subList(1, args.length);
        int at = options.indexOf("--username");
        String username = at >= 0 && at + 1 < options.size() ? options.get(at + 1) : null;
        boolean stdin = options.contains("--password-stdin");
        java.io.Console console = stdin ? null : System.console();
        if (!stdin && console == null) {
            System.err.println("center: no terminal to type the password on: use --password-stdin");
            return 2;
        }
        Path dir = Path.of(System.getProperty("shomei.state", "state")).resolve("center");
        return FirstAdmin.run(dir, username, console,
                new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.out, System.err);
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

    static final String DEMO_BANNER = """
            center: ************************************************************************
            center: DEMO MODE: dev PKI and dev card trust (virtual cards signed by jlis-dev.key are
            center: accepted). Never run a real center with --demo (docs/operations.md).
            center: ************************************************************************""";

    static final String OPEN_ALL_DAY_BANNER = """
            center: DEMO: every municipality is open all day (--open-all-day): the service hours set
            center: in the operator console do not apply. `./shomei demo --service-hours` keeps them.""";

    /** The production card trust: {@code card-trust: production|test} and the J-LIS keys file. */
    static TrustedCardKeys productionCardTrust(CenterSettings settings, Path dir) {
        if (settings.cardTrust() == TrustedCardKeys.Profile.DEV) {
            throw new IllegalStateException("card-trust: dev accepts virtual cards signed by the dev key; "
                    + "it is allowed only with --demo (set card-trust: production in center.yaml)");
        }
        if (settings.cardTrustKeys().isBlank()) {
            throw new IllegalStateException("no card-trust-keys in center.yaml: a production center needs the J-LIS "
                    + "CA public keys (docs/operations.md, \"Card trust\")");
        }
        Path file = dir.resolve(settings.cardTrustKeys());
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the card trust file " + file + " (card-trust-keys in center.yaml) is missing: "
                    + "a production center needs the J-LIS CA public keys (docs/operations.md, \"Card trust\")");
        }
        return CardTrustFile.load(file, settings.cardTrust());
    }

    /**
     * {@code center enrol --terminal ID --certificate FILE [--label L]}: registers (or re-enrols) a
     * terminal pinned to the certificate its kiosk was provisioned with; a running center reads the
     * registry change within seconds. Re-enrolling a replacement kiosk shuts out the old certificate.
     */
    static int enrol(String[] args) {
        String terminal = null;
        String certificate = null;
        String label = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--terminal" -> terminal = args[i + 1];
                case "--certificate" -> certificate = args[i + 1];
                case "--label" -> label = args[i + 1];
                default -> terminal = null;
            }
        }
        if (terminal == null || certificate == null || args.length % 2 == 0) {
            System.err.println("usage: center enrol --terminal ID --certificate FILE [--label LABEL]");
            return 2;
        }
        try {
            X509Certificate parsed = Pem.readCertificate(Path.of(certificate));
            String cn = PeerIdentity.commonName(parsed);
            if (!cn.equals(terminal)) {
                System.err.println("center: the certificate is for " + cn + ", not " + terminal);
                return 2;
            }
            Path dir = Path.of(System.getProperty("shomei.state", "state")).resolve("center");
            Terminal enrolled = TerminalRegistry.open(dir.resolve("terminals.json"))
                    .enrol(terminal, label, CertificatePin.sha256(parsed));
            System.out.println("center: terminal " + enrolled.id() + " enrolled, certificate sha256 "
                    + enrolled.certificateSha256() + " (serial " + parsed.getSerialNumber().toString(16) + ")");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("center: " + e.getMessage());
            return 1;
        }
    }

    /** Demo terminals and demo logins, once (tests; the demo passes its key directory to pin the terminals). */
    public static void firstRun(Path dir) {
        firstRun(dir, null);
    }

    /**
     * Demo only: the demo terminals, pinned to their dev certificates when {@code keys} has them, and
     * the demo logins, once.
     */
    static void firstRun(Path dir, KeyDirectory keys) {
        TerminalRegistry registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        if (registry.all().isEmpty()) {
            for (int i = 0; i < DEMO_TERMINALS.size(); i++) {
                String id = DEMO_TERMINALS.get(i);
                String label = "Demo store " + (i + 1);
                Path certificate = keys == null ? null : keys.dir().resolve("terminals").resolve(id + ".crt");
                if (certificate != null && Files.isRegularFile(certificate)) {
                    registry.enrol(id, label, CertificatePin.sha256(Pem.readCertificate(certificate)));
                } else {
                    registry.register(id, label);
                }
            }
        }
        firstLogins(dir);
    }

    /** The first operator logins (an admin and an operator), once; written to {@code demo-logins.txt} (0600). */
    static void firstLogins(Path dir) {
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
                password.append('-'); // groups of four: easier to type, and never all letters (the password rule)
            }
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
