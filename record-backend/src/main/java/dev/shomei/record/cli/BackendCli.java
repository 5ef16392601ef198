package dev.shomei.record.cli;

import dev.shomei.protocol.HelpOption;
import dev.shomei.protocol.LogLineFormat;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.CaKeyGuard;
import dev.shomei.protocol.pki.KeyDirectory;
import dev.shomei.protocol.pki.KeySource;
import dev.shomei.protocol.pki.TlsIdentity;
import dev.shomei.record.RecordStore;
import dev.shomei.record.api.BackendServer;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.console.ClerkConsole;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.db.Database;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.generate.DemoData;
import dev.shomei.record.generate.ResidentGenerator;
import dev.shomei.record.importer.ImportException;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.keys.ShcKeyRing;
import dev.shomei.record.move.MunicipalityMove;
import dev.shomei.record.users.DemoLogins;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./shomei backend ...}: the record backend's commands. Exit codes: 0 done, 1 refused or
 * failed (the reason on stderr, never personal data), 2 usage.
 *
 * <p>Common options: {@code --db JDBC_URL} (else env {@code SHOMEI_DB_URL}, else SQLite at
 * {@code <state>/backend/records.db}), {@code --db-replica JDBC_URL} (PostgreSQL read replica),
 * {@code --master-keys FILE} (else env {@code SHOMEI_MASTER_KEY_FILE}, else
 * {@code <state>/backend/master-keys.p12}, created on first use).
 */
public final class BackendCli {
    private static final String USAGE = """
            usage: ./shomei backend COMMAND [OPTIONS]

              serve [--demo] [--keys DIR] [--api-port 8410] [--console-port 8411] [--public-port 8412 (-1: none)] [--host 127.0.0.1] [--issuer URL]
                    [--confirmation-timeout SECONDS] [--keystore FILE.p12] [--console-client-certificates required|off]
                                        the issuance API (mutual TLS) and the console port (JWKS, health, metrics);
                                        keys from DIR (default <state>/pki): its own, never a CA key (--demo: dev PKI);
                                        the clerk console admits only registered PCs (console-pc; client certificate
                                        CN) unless turned off for the demo
              import --municipality CODE FILE.csv
                                        import residents and doses (all or nothing; see docs/operations.md)
              export-residents --municipality CODE FILE.csv
                                        residents and doses in the import's columns without my_number (docs/operations.md)
              add-municipality --code CODE --name-ja NAME --name-en NAME --mayor-ja TITLE --mayor-en TITLE
                    [--fee 120] [--participating yes|no] [--overseas yes|no]
                                        create a municipality (and its keys) so its residents can be imported
              set-fee --municipality CODE --fee YEN
                                        the municipality's fee per copy: the one the kiosks charge (audited)
              generate --municipality CODE --residents N [--seed S]
                                        add synthetic residents (creates a built-in municipality if missing)
              demo-data [--residents N] built-in municipalities, demo residents, N synthetic residents per participating
                                        ward (default 1000), demo clerk logins (idempotent)
              jwks [--keystore FILE.p12]
                                        print the SMART Health Card issuer key set (JSON)
              audit-verify              check the audit log's hash chains; exit 1 when an entry was changed or deleted
              rotate-shc-key            add a new SMART Health Card signing key (dev key directory)
              rotate-master-key         add a new master key and re-wrap every municipality key with it
              console-pc list | register ID | unregister ID | import
                                        the PCs (client certificate CN) admitted to the clerk console, kept in the
                                        database for every backend; import moves <state>/backend/console-pcs.txt into the table (audited)
              move-municipality --code CODE --to-db JDBC_URL [--to-master-keys FILE] [--drain SECONDS] [--abort]
                                        move a municipality to another shard's database (docs/operations.md): stop its
                                        issuance, copy, verify, switch, delete here; run again to resume; --abort
                                        (before the switch) gives it back to this database

            common options: --db JDBC_URL (or SHOMEI_DB_URL), --db-replica JDBC_URL, --master-keys FILE
            key store passwords: SHOMEI_MASTER_KEY_PASSWORD, SHOMEI_KEYSTORE_PASSWORD
            """;
    private static final String DEMO_BANNER = """
            backend: ************************************************************************
            backend: DEMO MODE: keys from the dev PKI (whose CA key sits beside them). Never run a
            backend: real backend with --demo (docs/operations.md).
            backend: ************************************************************************""";
    private static final Set<String> COMMON = Set.of("--db", "--db-replica", "--master-keys");
    /** HikariCP's loggers (through SLF4J's JUL provider); held so that the level set on it is not collected. */
    private static final java.util.logging.Logger POOL_LOG = java.util.logging.Logger.getLogger("com.zaxxer.hikari");
    /** Flyway's loggers; likewise held. */
    private static final java.util.logging.Logger MIGRATIONS_LOG = java.util.logging.Logger.getLogger("org.flywaydb");
    private static final String DEFAULT_ISSUER = "https://127.0.0.1:" + BackendApi.DEFAULT_CONSOLE_PORT;

    private final Path state;
    private final PrintStream out;
    private final PrintStream err;

    BackendCli(Path state, PrintStream out, PrintStream err) {
        this.state = state;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (LogLineFormat.useUnlessConfigured()) {
            // the pool's start and stop lines, and Flyway's ~25 per new database (SchemaMigrations says in one
            // line what it applied), would fill every command's output; their warnings and errors stay
            POOL_LOG.setLevel(java.util.logging.Level.WARNING);
            MIGRATIONS_LOG.setLevel(java.util.logging.Level.WARNING);
        }
        Path state = Path.of(System.getProperty("shomei.state", "state")).toAbsolutePath();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = new BackendCli(state, out, err).run(args);
        if (code != 0 || !(args.length > 0 && args[0].equals("serve"))) {
            System.exit(code);
        }
    }

    /** Runs one command; {@code serve} returns only when the process is asked to stop. */
    int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        if (HelpOption.asked(args)) {
            out.print(USAGE);
            return 0;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "serve" -> serve(options(rest.stream().filter(a -> !a.equals("--demo")).toList(), "--api-port",
                        "--console-port", "--public-port", "--host", "--issuer", "--console-client-certificates", "--confirmation-timeout",
                        "--keystore", "--keys"), rest.contains("--demo"));
                case "import" -> importFile(options(rest, "--municipality"));
                case "export-residents" -> exportResidents(options(rest, "--municipality"));
                case "add-municipality" -> addMunicipality(options(rest, "--code", "--name-ja", "--name-en",
                        "--mayor-ja", "--mayor-en", "--fee", "--participating", "--overseas"));
                case "set-fee" -> setFee(options(rest, "--municipality", "--fee"));
                case "generate" -> generate(options(rest, "--municipality", "--residents", "--seed"));
                case "demo-data" -> demoData(options(rest, "--residents"));
                case "jwks" -> jwks(options(rest, "--keystore"));
                case "audit-verify" -> auditVerify(options(rest));
                case "rotate-shc-key" -> rotateShcKey(options(rest));
                case "rotate-master-key" -> rotateMasterKey(options(rest));
                case "console-pc" -> consolePc(options(rest));
                case "move-municipality" -> moveMunicipality(options(rest.stream().filter(a -> !a.equals("--abort")).toList(),
                        "--code", "--to-db", "--to-master-keys", "--drain"), rest.contains("--abort"));
                default -> throw new CliArgs.UsageException("unknown command " + args[0]);
            };
        } catch (CliArgs.UsageException e) {
            err.println("backend: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ImportException e) {
            err.println("backend: import refused, nothing was imported:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        } catch (ShomeiException e) {
            err.println("backend: " + e.getMessage());
            return 1;
        } catch (RuntimeException | java.io.IOException e) {
            err.println("backend: failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return 1;
        }
    }

    private static CliArgs options(List<String> args, String... own) {
        Set<String> known = new java.util.HashSet<>(COMMON);
        known.addAll(List.of(own));
        return new CliArgs(args, known);
    }

    private RecordStore open(CliArgs args) {
        String url = args.value("--db", env("SHOMEI_DB_URL", Database.defaultUrl(state)));
        String replica = args.value("--db-replica", env("SHOMEI_DB_REPLICA_URL", null));
        Path masterKeys = Path.of(args.value("--master-keys", env("SHOMEI_MASTER_KEY_FILE",
                MasterKeys.defaultFile(state).toString())));
        return RecordStore.open(url, replica, masterKeys);
    }

    /** {@code move-municipality}: this store (--db, --master-keys) is the source. */
    private int moveMunicipality(CliArgs args, boolean abort) {
        MunicipalityCode code = MunicipalityCode.of(args.required("--code"));
        String targetUrl = args.required("--to-db");
        String sourceUrl = args.value("--db", env("SHOMEI_DB_URL", Database.defaultUrl(state)));
        Path sourceKeys = Path.of(args.value("--master-keys", env("SHOMEI_MASTER_KEY_FILE",
                MasterKeys.defaultFile(state).toString())));
        Path targetKeys = Path.of(args.value("--to-master-keys", sourceKeys.toString()));
        Duration drain = Duration.ofSeconds(args.intValue("--drain", 120, 0, 3600));
        try (RecordStore source = open(args); RecordStore target = RecordStore.open(targetUrl, targetKeys)) {
            MunicipalityMove move = new MunicipalityMove(source, sourceUrl, target, targetUrl, drain,
                    line -> out.println("backend: " + line));
            if (abort) {
                move.abort(code);
            } else {
                move.run(code);
            }
        }
        return 0;
    }

    private KeyDirectory pki() {
        return KeyDirectory.open(state.resolve("pki"));
    }

    private IssuerKeys issuerKeys(CliArgs args, String issuer) {
        return issuerKeys(args, issuer, pki());
    }

    private IssuerKeys issuerKeys(CliArgs args, String issuer, KeySource pki) {
        String keystore = args.value("--keystore");
        if (keystore == null) {
            return IssuerKeySources.dev(pki, issuer);
        }
        String password = env("SHOMEI_KEYSTORE_PASSWORD", null);
        if (password == null) {
            throw new CliArgs.UsageException("--keystore needs the password in SHOMEI_KEYSTORE_PASSWORD");
        }
        return IssuerKeySources.keyStore(Path.of(keystore), password.toCharArray(), issuer);
    }

    /**
     * Production (no {@code --demo}): the key directory ({@code --keys}, default {@code <state>/pki})
     * holds the backend's own keys, the CA certificate and the center's client certificate only; a
     * readable CA private key there stops the start.
     */
    private int serve(CliArgs args, boolean demo) throws java.io.IOException {
        int apiPort = args.intValue("--api-port", BackendApi.DEFAULT_API_PORT, 0, 65535);
        int consolePort = args.intValue("--console-port", BackendApi.DEFAULT_CONSOLE_PORT, 0, 65535);
        int publicPort = args.intValue("--public-port", BackendApi.DEFAULT_PUBLIC_PORT, -1, 65535);
        int timeout = args.intValue("--confirmation-timeout", 1800, 10, 7 * 24 * 3600);
        String host = args.value("--host", "127.0.0.1");
        String issuer = args.value("--issuer", DEFAULT_ISSUER);
        Path keysDir = Path.of(args.value("--keys", state.resolve("pki").toString()));
        if (demo) {
            out.println(DEMO_BANNER);
        } else {
            try {
                CaKeyGuard.refuseCaKeys(keysDir);
            } catch (IllegalStateException e) {
                err.println("backend: " + e.getMessage());
                return 2;
            }
        }
        KeyDirectory pki = KeyDirectory.open(keysDir);
        IssuerKeys keys = issuerKeys(args, issuer, pki);
        RecordStore store = open(args);
        TlsIdentity identity = pki.backendServer();
        X509Certificate ca = pki.rootCaCertificate();
        String clientCertificates = args.value("--console-client-certificates", "required");
        java.util.function.Supplier<java.util.Set<String>> consolePcs = switch (clientCertificates) {
            case "required" -> consolePcs().admitted(store);
            case "off" -> null;
            default -> throw new CliArgs.UsageException("--console-client-certificates is required or off");
        };
        if (consolePcs == null) {
            err.println("""
                    *****************************************************************************
                    * WARNING: clerk console client certificates are OFF (demo mode). Any       *
                    * browser that reaches the console port gets the login page. Never run the  *
                    * record system like this: registered municipal PCs only.                   *
                    *****************************************************************************""");
        }
        BackendServer server = BackendServer.start(new BackendServer.Settings(host, apiPort, consolePort, identity, ca,
                List.of(pki.centerClientCertificate()), Duration.ofSeconds(timeout), Duration.ofSeconds(30), consolePcs,
                publicPort),
                store, keys, Clock.systemUTC(), ClerkConsole.create(store, keys)::routing);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "backend-stop"));
        out.println("backend: api https://" + host + ":" + server.apiPort() + " console https://" + host + ":"
                + server.consolePort() + (server.publicPort() > 0 ? " public https://" + host + ":" + server.publicPort() : "")
                + " engine " + store.database().engine() + (demo ? " [DEMO: dev PKI]" : ""));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int importFile(CliArgs args) throws java.io.IOException {
        MunicipalityCode code = MunicipalityCode.of(args.required("--municipality"));
        if (args.positional().size() != 1) {
            throw new CliArgs.UsageException("import needs exactly one FILE.csv");
        }
        Path file = Path.of(args.positional().getFirst());
        if (!Files.isRegularFile(file)) {
            throw new CliArgs.UsageException("no such file: " + file);
        }
        try (RecordStore store = open(args)) {
            ResidentImporter.Report report = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC())
                    .importFile(code, file, System.getProperty("user.name", "operator"));
            out.println("imported " + report.residents() + " residents into " + code + " (" + report.created() + " new, "
                    + report.replaced() + " replaced), " + report.doses() + " doses"
                    + (report.unchanged() > 0 ? "; " + report.unchanged() + " residents unchanged" : ""));
            return 0;
        }
    }

    /** The municipality's residents and doses in the import's columns without my_number (a new file, owner-only). */
    private int exportResidents(CliArgs args) throws java.io.IOException {
        MunicipalityCode code = MunicipalityCode.of(args.required("--municipality"));
        if (args.positional().size() != 1) {
            throw new CliArgs.UsageException("export-residents needs exactly one FILE.csv");
        }
        Path file = Path.of(args.positional().getFirst());
        if (Files.exists(file)) {
            throw new CliArgs.UsageException("will not overwrite " + file);
        }
        try (RecordStore store = open(args)) {
            if (store.database().read(tx -> new dev.shomei.record.store.MunicipalityRepository().find(tx, code)).isEmpty()) {
                throw new CliArgs.UsageException("no municipality " + code);
            }
            java.nio.file.attribute.FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews()
                    .contains("posix") ? new java.nio.file.attribute.FileAttribute<?>[] {
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))}
                    : new java.nio.file.attribute.FileAttribute<?>[0];
            Files.createFile(file, ownerOnly);
            dev.shomei.record.importer.ResidentExport.Export counts = store.database().read(tx ->
                    new dev.shomei.record.importer.ResidentExport().write(tx, store.keyring().cipher(tx, code)));
            Files.writeString(file, counts.csv(), StandardCharsets.UTF_8);
            String user = System.getProperty("user.name", "operator");
            store.database().write(tx -> store.audit().append(tx, new dev.shomei.record.audit.AuditEvent("OPERATOR", user,
                    null, "EXPORT_RESIDENTS", code, "municipality", code.value(), "OK",
                    "residents=" + counts.residents() + " doses=" + counts.doses())));
            out.println("exported " + counts.residents() + " residents and " + counts.doses() + " doses of " + code
                    + " to " + file + " (no My Number column)");
            return 0;
        }
    }

    private int addMunicipality(CliArgs args) {
        Municipality municipality = new Municipality(MunicipalityCode.of(args.required("--code")),
                args.required("--name-ja"), args.required("--name-en"),
                args.required("--mayor-ja"), args.required("--mayor-en"),
                yesNo(args, "--participating"), yesNo(args, "--overseas"),
                args.intValue("--fee", Municipality.DEFAULT_FEE_YEN, 0, 100_000),
                Municipality.DEFAULT_OPENS_AT, Municipality.DEFAULT_CLOSES_AT);
        try (RecordStore store = open(args)) {
            boolean created = store.ensureMunicipality(municipality, "OPERATOR", System.getProperty("user.name", "operator"));
            out.println(created ? "municipality " + municipality.code() + " created"
                    : "municipality " + municipality.code() + " exists already; nothing changed");
            return 0;
        }
    }

    private int setFee(CliArgs args) {
        MunicipalityCode code = MunicipalityCode.of(args.required("--municipality"));
        int fee = args.intValue("--fee", -1, 0, 100_000);
        if (fee < 0) {
            throw new CliArgs.UsageException("--fee is required");
        }
        try (RecordStore store = open(args)) {
            int before = store.changeFee(code, fee, "OPERATOR", System.getProperty("user.name", "operator"));
            out.println("municipality " + code + ": fee per copy " + before + " -> " + fee
                    + " yen (kiosks charge it from the center's next refresh)");
            return 0;
        }
    }

    private static boolean yesNo(CliArgs args, String option) {
        return switch (args.value(option, "yes")) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new CliArgs.UsageException(option + " must be yes or no");
        };
    }

    private int generate(CliArgs args) {
        MunicipalityCode code = MunicipalityCode.of(args.required("--municipality"));
        int count = args.intValue("--residents", -1, 1, 10_000_000);
        if (count < 0) {
            throw new CliArgs.UsageException("--residents is required");
        }
        long seed = args.intValue("--seed", (int) (System.nanoTime() & 0x7fffffff), 0, Integer.MAX_VALUE);
        try (RecordStore store = open(args)) {
            ResidentImporter importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
            int created = new ResidentGenerator(store, importer).generate(code, count, seed, "generate");
            out.println("generated " + created + " residents in " + code + " (seed " + seed + ")");
            return 0;
        }
    }

    private int demoData(CliArgs args) {
        try (RecordStore store = open(args)) {
            ResidentImporter importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
            int perWard = args.intValue("--residents", DemoData.SYNTHETIC_PER_MUNICIPALITY, 0, 1_000_000);
            int added = new DemoData(store, importer).ensure(state, perWard);
            int logins = DemoLogins.ensure(store, state);
            out.println("demo data ready (" + added + " residents, " + logins + " clerk logins added); see "
                    + state.resolve("demo/backend-residents.txt") + " and " + state.resolve("backend/demo-logins.txt"));
            return 0;
        }
    }

    private int jwks(CliArgs args) {
        out.println(issuerKeys(args, DEFAULT_ISSUER).shc().jwks().toJson());
        return 0;
    }

    private int auditVerify(CliArgs args) {
        try (RecordStore store = open(args)) {
            AuditVerifier.Result result = store.auditVerifier().verify();
            if (result.intact()) {
                out.println("audit log intact: " + result.entries() + " entries in " + result.chains() + " chains");
                return 0;
            }
            err.println("audit log BROKEN: " + result.problems().size() + " problem(s) in " + result.entries() + " entries:");
            result.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        }
    }

    private ConsolePcCommand consolePcs() {
        return new ConsolePcCommand(state.resolve("backend/console-pcs.txt"), out, err);
    }

    private int consolePc(CliArgs args) {
        try (RecordStore store = open(args)) {
            return consolePcs().run(args.positional(), store);
        }
    }

    private int rotateShcKey(CliArgs args) {
        String kid = ShcKeyRing.rotate(pki().shcDir());
        out.println("added SMART Health Card key " + kid + "; it signs once the server re-reads its keys (within 30 s)");
        return 0;
    }

    private int rotateMasterKey(CliArgs args) {
        try (RecordStore store = open(args)) {
            String alias = store.masterKeys().rotate();
            int rewrapped = store.database().write(tx -> {
                store.keyring().verifyMasterKeys(tx);
                return store.keyring().rewrapAll(tx);
            });
            out.println("master key " + alias + " added; " + rewrapped + " municipality keys re-wrapped");
            return 0;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
