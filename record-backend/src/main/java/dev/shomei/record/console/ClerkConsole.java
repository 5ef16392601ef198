package dev.shomei.record.console;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.RecordStore;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.CertificateSigner;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.users.Authenticator;
import dev.shomei.record.users.Enrolment;
import dev.shomei.record.users.PasswordHasher;
import dev.shomei.record.users.TotpSecrets;
import dev.shomei.record.users.UserAdministration;
import io.helidon.webserver.http.HttpRouting;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The clerk console: mount its pages on the console port's routing with {@link #routing}. Paths:
 * {@code /login}, {@code /enrol}, {@code /logout}, {@code /issuances}, {@code /residents},
 * {@code /residents/{id}}, {@code /export}, {@code /audit}, {@code /audit/review},
 * {@code /users}, {@code /statistics}, {@code /lang/{ja|en}}, {@code /static/console.css}; the record work of
 * issue 21: {@code /resident-entry}, {@code /residents/{id}/add-dose}, {@code /residents/{id}/doses/{dose}/remove},
 * {@code /retention}, {@code /audit/signoff}, {@code /requests}, {@code /residents/{id}/requests},
 * {@code /residents/{id}/transfer}, {@code /provisions}, {@code /export/residents}, window and postal
 * issuance {@code /residents/{id}/issue}, {@code /issuances/{certificate}/reissue}, {@code /counter/{certificate}}. It leaves
 * {@code /.well-known/jwks.json} and the observe endpoints alone.
 */
public final class ClerkConsole {
    private final ConsoleContext context;
    private final RecordQueries queries;
    private final ConsoleAudit audit;

    private final IssuerKeys keys;

    private ClerkConsole(ConsoleContext context, IssuerKeys keys) {
        this.context = context;
        this.keys = keys;
        this.queries = new RecordQueries(context.database());
        this.audit = new ConsoleAudit(context.database(), context.audit());
    }

    public static ClerkConsole create(RecordStore store, Clock clock, ConsoleSettings settings) {
        return create(store, null, clock, settings);
    }

    /**
     * @param keys the issuer keys that sign window and postal issuances (the kiosk's); {@code null}: the
     *             console signs nothing and such an issuance is answered 503
     */
    public static ClerkConsole create(RecordStore store, IssuerKeys keys, Clock clock, ConsoleSettings settings) {
        SecureRandom random = new SecureRandom();
        Totp totp = Totp.standard();
        TotpSecrets secrets = new TotpSecrets(store.masterKeys());
        PasswordHasher hasher = new PasswordHasher(random);
        SessionStore sessions = new SessionStore(clock, random, settings.idleTimeout(), settings.maxLifetime());
        return new ClerkConsole(new ConsoleContext(store.database(), store.audit(), store.auditVerifier(), store.keyring(),
                VaccineCatalog.standard(), sessions,
                new Authenticator(store.database(), store.audit(), secrets, totp, clock),
                new Enrolment(store.database(), store.audit(), secrets, totp, hasher, clock),
                new UserAdministration(store.database(), store.audit(), hasher, random, clock), settings, clock), keys);
    }

    public static ClerkConsole create(RecordStore store, IssuerKeys keys) {
        return create(store, keys, Clock.systemUTC(), ConsoleSettings.defaults());
    }

    public static ClerkConsole create(RecordStore store) {
        return create(store, Clock.systemUTC(), ConsoleSettings.defaults());
    }

    /** Registers every console page, its guard and its error handlers on the console socket's routing. */
    public void routing(HttpRouting.Builder rules) {
        ConsoleRouter router = new ConsoleRouter(rules, context);
        RecordChanges changes = new RecordChanges(context.database(), context.keyring(), context.catalog(), audit,
                context.clock());
        ChangePages changePages = new ChangePages(context, changes, queries, audit);
        new AuthPages(context).register(router);
        SignOffPages signOffPages = new SignOffPages(new ReviewSignOffs(context.database(), audit, context.clock()));
        new RecordPages(context, queries, audit, changePages).withStartPageAlert(signOffPages).register(router);
        new CounterPages(context, counterIssuance(), changes, queries, audit).register(router);
        changePages.register(router);
        new EntryPages(context, new ClerkEntries(context.database(), context.keyring(), context.catalog(), audit,
                context.clock()), audit).register(router);
        new AlternativeNamePages(context, audit, dev.shomei.record.importer.NameGlyphs.installed()).register(router);
        new ExportPage(queries, audit).register(router);
        new ResidentExportPage(context, audit).register(router);
        new AuditPages(context, new AuditQueries(context.database()), audit).register(router);
        signOffPages.register(router);
        new RequestPages(context, new ResidentRequests(context.database(), context.keyring(), audit, context.clock()),
                queries, audit).register(router);
        new TransferPages(context, new Transfers(context.database(), context.keyring(), audit,
                new FormerMunicipalityArea(context.keyring(), context.audit()), context.clock()), audit).register(router);
        new UserPages(context).register(router);
        new StatisticsPage(context, audit).register(router);
    }

    private CounterIssuance counterIssuance() {
        CertificateSigner signer = keys != null ? new QrCertificateSigner(keys) : (content, at) -> {
            throw new ShomeiException(ErrorCode.INTERNAL, "no issuer keys on this console");
        };
        return new CounterIssuance(context.database(), context.keyring(), audit, signer,
                new CertificateContents(context.catalog()), new IssuanceOutcomes(context.database(), context.audit(),
                context.clock()), context.clock());
    }

    /** Live console sessions (for health and tests). */
    public int sessions() {
        return context.sessions().size();
    }
}
