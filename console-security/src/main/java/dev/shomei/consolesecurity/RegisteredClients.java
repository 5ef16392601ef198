package dev.shomei.consolesecurity;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Only registered PCs reach a console: the console's TLS listener asks for a client certificate
 * (issued by the console-PC CA it trusts; the TLS handshake checks the chain) and this filter lets a
 * request through only when the certificate's CN is one of the registered console PCs. Anything else
 * — no certificate, or a certificate of a PC that is not (or no longer) registered — gets a plain
 * refusal page, never the login page. Monitoring ({@code /observe/}) stays open: it shows nothing
 * personal. The PC's id is put in the request context ({@link ClientId}) for the audit trail.
 * When {@code required} is false (the demo) every request passes and the id is taken when offered.
 */
public final class RegisteredClients implements Filter {
    /** The registered console PC a request came from. */
    public record ClientId(String value) {
    }

    private final boolean required;
    private final Supplier<Set<String>> registered;
    private final Predicate<String> open;

    /** Monitoring under {@code /observe/} stays open. */
    public RegisteredClients(boolean required, Supplier<Set<String>> registered) {
        this(required, registered, path -> path.startsWith("/observe/"));
    }

    /** @param open paths anyone may reach (nothing personal: monitoring, public keys) */
    public RegisteredClients(boolean required, Supplier<Set<String>> registered, Predicate<String> open) {
        this.required = required;
        this.registered = registered;
        this.open = open;
    }

    public boolean required() {
        return required;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        Optional<String> id = certificateId(request);
        boolean known = id.isPresent() && registered.get().contains(id.get());
        if (known) {
            request.context().register(new ClientId(id.get()));
        }
        if (required && !known && !open.test(request.path().path())) {
            ConsoleHardening.headers(response, ConsoleHardening.STRICT_CSP);
            response.status(Status.FORBIDDEN_403);
            response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
            response.send(REFUSAL);
            return;
        }
        chain.proceed();
    }

    /** The registered PC of this request, when it presented one. */
    public static Optional<String> clientId(ServerRequest request) {
        return request.context().get(ClientId.class).map(ClientId::value);
    }

    /** The CN of the client certificate the TLS handshake accepted, if any. */
    static Optional<String> certificateId(ServerRequest request) {
        Optional<Certificate[]> chain = request.remotePeer().tlsCertificates();
        if (chain.isEmpty() || chain.get().length == 0 || !(chain.get()[0] instanceof X509Certificate leaf)) {
            return Optional.empty();
        }
        try {
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static final String REFUSAL = """
            <!DOCTYPE html>
            <html lang="ja"><head><meta charset="utf-8"><title>この端末からは利用できません</title></head>
            <body>
            <h1>この端末からは利用できません</h1>
            <p>このコンソールは、登録された庁内端末（クライアント証明書が入った PC）からだけ利用できます。
            この PC には登録済みの証明書がないか、登録が取り消されています。システム管理者に連絡してください。</p>
            <p lang="en">This console is only available from registered PCs (with a client certificate issued to
            them). This PC presented no registered certificate. Please contact your system administrator.</p>
            <p><small>REGISTERED_TERMINAL_REQUIRED</small></p>
            </body></html>
            """;
}
