package dev.shomei.center;

import dev.shomei.card.data.TrustedCardKeys;
import dev.shomei.center.backend.BackendClientSettings;
import dev.shomei.center.backend.BackendShard;
import dev.shomei.center.config.Durations;
import dev.shomei.center.issue.CardUseLimits;
import dev.shomei.center.line.LineLimitsConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The center's settings, from {@code <state>/center/center.yaml} (written with the defaults on
 * first run; see docs/center.md). Durations read {@code 30s}, {@code 15m} or ISO-8601.
 */
public record CenterSettings(
        String lineHost,
        int linePort,
        Duration lineIdleTimeout,
        LineLimitsConfig lineLimits,
        String consoleHost,
        int consolePort,
        Duration sessionIdleTimeout,
        Duration sessionMaxLifetime,
        BackendClientSettings backend,
        TrustedCardKeys.Profile cardTrust,
        String cardTrustKeys,
        Duration heartbeatGap,
        Duration reconcileAfter,
        Duration reconcileEvery,
        Duration municipalityRefresh,
        Duration streamInterval,
        boolean consoleClientCertificates,
        CardUseLimits cardUse) {

    public static final String FILE_NAME = "center.yaml";

    /** The defaults, as written to a new {@code center.yaml}. */
    public static final String DEFAULT_YAML = """
            # shomei certificate center (証明書交付センター). Changes take effect on restart.
            # Durations: 500ms, 30s, 15m, 2h (or ISO-8601 like PT30S).
            line:                       # kiosks connect here: TLS 1.3, mutual auth, dev/production CA
              host: 127.0.0.1
              port: 8420
              idle-timeout: 90s         # no message (heartbeats come every 30 s) for this long closes
              max-connections: 100000
              max-connections-per-terminal: 2
              messages-per-second: 10   # per connection; a faster kiosk is cut off
              message-burst: 40
              max-concurrent-work: 32   # issue requests in work at once, across all kiosks
              work-wait: 5s             # a request waiting longer for a slot gets CENTER_UNAVAILABLE
              hello-timeout: 20s
            console:                    # operator console, HTTPS
              host: 127.0.0.1
              port: 8421
              session-idle-timeout: 30m
              session-max-lifetime: 12h
              client-certificates: required  # required: only registered PCs (console-pcs.json) reach it; off: demo only
            backend:                    # record backend, HTTPS with the center's client certificate
              url: https://127.0.0.1:8410 # one backend; or, for shards by municipality (docs/center.md):
              # shards:                 #   - name: east
              #                         #     urls: [https://10.1.0.1:8410, https://10.1.0.2:8410]
              attempt-timeout: 3s
              attempts: 3               # retries reuse the transaction id
              backoff: 200ms
              deadline: 8s              # after this a request is refused with BACKEND_UNAVAILABLE
            card-trust: production      # production | test; dev (adds the key that signs virtual cards) only with --demo
            card-trust-keys: jlis-trust.pem  # the J-LIS CA public keys cards are checked against (relative to this folder)
            heartbeat-gap: 90s          # a terminal silent this long is offline and raises an alert
            reconcile-after: 15m        # an issuance with no print outcome this old is voided
            reconcile-every: 1m
            municipality-refresh: 1m
            card-use:                   # one card (by a keyed hash of its My Number, in memory only)
              issuances: 5              # at most this many issuances ...
              window: 1h                # ... in this window; more are refused with CARD_USE_LIMITED
              across-terminals: 10m     # the same card at another terminal within this raises an alert
            """;

    public static CenterSettings defaults() {
        return parse(Config.just(ConfigSources.create(DEFAULT_YAML, io.helidon.common.media.type.MediaTypes.APPLICATION_X_YAML)));
    }

    /** Reads {@code file}, writing the defaults there first when it does not exist. */
    public static CenterSettings load(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, DEFAULT_YAML);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
        Config config = Config.just(ConfigSources.file(file).build(),
                ConfigSources.create(DEFAULT_YAML, io.helidon.common.media.type.MediaTypes.APPLICATION_X_YAML));
        return parse(config);
    }

    static CenterSettings parse(Config config) {
        Config line = config.get("line");
        Config console = config.get("console");
        Config backend = config.get("backend");
        return new CenterSettings(
                line.get("host").asString().get(),
                line.get("port").asInt().get(),
                duration(line.get("idle-timeout")),
                new LineLimitsConfig(
                        line.get("max-connections").asInt().get(),
                        line.get("max-connections-per-terminal").asInt().get(),
                        line.get("messages-per-second").asDouble().get(),
                        line.get("message-burst").asInt().get(),
                        line.get("max-concurrent-work").asInt().get(),
                        duration(line.get("work-wait")),
                        duration(line.get("hello-timeout"))),
                console.get("host").asString().get(),
                console.get("port").asInt().get(),
                duration(console.get("session-idle-timeout")),
                duration(console.get("session-max-lifetime")),
                backendSettings(backend),
                TrustedCardKeys.Profile.parse(config.get("card-trust").asString().get()),
                config.get("card-trust-keys").asString().orElse(""),
                duration(config.get("heartbeat-gap")),
                duration(config.get("reconcile-after")),
                duration(config.get("reconcile-every")),
                duration(config.get("municipality-refresh")),
                Duration.ofSeconds(1),
                clientCertificates(console.get("client-certificates").asString().orElse("required")),
                new CardUseLimits(config.get("card-use.issuances").asInt().get(),
                        duration(config.get("card-use.window")),
                        duration(config.get("card-use.across-terminals"))));
    }

    /** {@code backend.shards} when given (each a name and its urls), else the one {@code backend.url}. */
    private static BackendClientSettings backendSettings(Config backend) {
        Duration attemptTimeout = duration(backend.get("attempt-timeout"));
        int attempts = backend.get("attempts").asInt().get();
        Duration backoff = duration(backend.get("backoff"));
        Duration deadline = duration(backend.get("deadline"));
        Config shards = backend.get("shards");
        if (!shards.exists()) {
            return new BackendClientSettings(URI.create(backend.get("url").asString().get()), attemptTimeout, attempts,
                    backoff, deadline);
        }
        java.util.List<BackendShard> list = new java.util.ArrayList<>();
        for (Config shard : shards.asNodeList().get()) {
            list.add(new BackendShard(shard.get("name").asString().get(),
                    shard.get("urls").asList(String.class).get().stream().map(URI::create).toList()));
        }
        return BackendClientSettings.sharded(list, attemptTimeout, attempts, backoff, deadline);
    }

    private static Duration duration(Config node) {
        return Durations.parse(node.asString().get());
    }

    public CenterSettings withPorts(int newLinePort, int newConsolePort) {
        return new CenterSettings(lineHost, newLinePort, lineIdleTimeout, lineLimits, consoleHost, newConsolePort,
                sessionIdleTimeout, sessionMaxLifetime, backend, cardTrust, cardTrustKeys, heartbeatGap, reconcileAfter,
                reconcileEvery, municipalityRefresh, streamInterval, consoleClientCertificates, cardUse);
    }

    public CenterSettings withBackend(URI uri) {
        return new CenterSettings(lineHost, linePort, lineIdleTimeout, lineLimits, consoleHost, consolePort,
                sessionIdleTimeout, sessionMaxLifetime,
                new BackendClientSettings(uri, backend.attemptTimeout(), backend.attempts(), backend.backoff(),
                        backend.deadline()),
                cardTrust, cardTrustKeys, heartbeatGap, reconcileAfter, reconcileEvery, municipalityRefresh, streamInterval, consoleClientCertificates, cardUse);
    }

    public CenterSettings withBackendSettings(BackendClientSettings newBackend) {
        return new CenterSettings(lineHost, linePort, lineIdleTimeout, lineLimits, consoleHost, consolePort,
                sessionIdleTimeout, sessionMaxLifetime, newBackend, cardTrust, cardTrustKeys, heartbeatGap, reconcileAfter,
                reconcileEvery, municipalityRefresh, streamInterval, consoleClientCertificates, cardUse);
    }

    /** Timers for tests: heartbeat gap, reconciliation age and period, board stream interval. */
    public CenterSettings withTimers(Duration newHeartbeatGap, Duration newReconcileAfter, Duration newReconcileEvery,
            Duration newStreamInterval) {
        return new CenterSettings(lineHost, linePort, lineIdleTimeout, lineLimits, consoleHost, consolePort,
                sessionIdleTimeout, sessionMaxLifetime, backend, cardTrust, cardTrustKeys, newHeartbeatGap, newReconcileAfter,
                newReconcileEvery, municipalityRefresh, newStreamInterval, consoleClientCertificates, cardUse);
    }

    public CenterSettings withLineLimits(LineLimitsConfig limits, Duration idleTimeout) {
        return new CenterSettings(lineHost, linePort, idleTimeout, limits, consoleHost, consolePort,
                sessionIdleTimeout, sessionMaxLifetime, backend, cardTrust, cardTrustKeys, heartbeatGap, reconcileAfter,
                reconcileEvery, municipalityRefresh, streamInterval, consoleClientCertificates, cardUse);
    }

    private static boolean clientCertificates(String value) {
        return switch (value) {
            case "required" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("console.client-certificates is required or off, not " + value);
        };
    }

    /** Whether the operator console admits only registered PCs; off only for the demo. */
    public CenterSettings withConsoleClientCertificates(boolean required) {
        return new CenterSettings(lineHost, linePort, lineIdleTimeout, lineLimits, consoleHost, consolePort,
                sessionIdleTimeout, sessionMaxLifetime, backend, cardTrust, cardTrustKeys, heartbeatGap, reconcileAfter,
                reconcileEvery, municipalityRefresh, streamInterval, required, cardUse);
    }

    /** The same settings under another card-trust profile ({@code --demo} forces {@code dev}). */
    public CenterSettings withCardTrust(TrustedCardKeys.Profile profile) {
        return new CenterSettings(lineHost, linePort, lineIdleTimeout, lineLimits, consoleHost, consolePort,
                sessionIdleTimeout, sessionMaxLifetime, backend, profile, cardTrustKeys, heartbeatGap, reconcileAfter,
                reconcileEvery, municipalityRefresh, streamInterval, consoleClientCertificates, cardUse);
    }

    /** The same settings with other per-card limits (tests that issue many times with one card). */
    public CenterSettings withCardUse(CardUseLimits limits) {
        return new CenterSettings(lineHost, linePort, lineIdleTimeout, lineLimits, consoleHost, consolePort,
                sessionIdleTimeout, sessionMaxLifetime, backend, cardTrust, cardTrustKeys, heartbeatGap, reconcileAfter,
                reconcileEvery, municipalityRefresh, streamInterval, consoleClientCertificates, limits);
    }
}
