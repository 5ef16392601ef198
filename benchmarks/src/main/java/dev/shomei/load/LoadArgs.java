package dev.shomei.load;

import dev.shomei.protocol.CertificateType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The load generator's command line. Without {@code --center} it starts its own record backend
 * and center (child processes, state under {@code <state>/loadgen/}); with it, it drives a center
 * that is already running (the demo), registering its simulated terminals in that center's
 * {@code terminals.json}.
 *
 * @param kiosks            simulated kiosks running issuances back to back (or one every {@code pace})
 * @param pace              zero: back to back; else each kiosk starts an issuance at most this often
 * @param duration          how long to measure
 * @param warmup            load before measuring starts (the JIT settles), not counted
 * @param heartbeatOnly     simulate {@code terminals} terminals that only heartbeat
 * @param terminals         terminals in heartbeat-only mode
 * @param heartbeatInterval seconds between one terminal's heartbeats
 * @param connectRate       new TLS connections per second while the fleet connects
 * @param center            host and port of a running center; empty: start an own stack
 * @param centerState       the running center's configuration directory (terminal registry)
 * @param backend           host and port of the running backend (to find its process for CPU figures)
 * @param centerPid         the running center's process id; found by its port when absent
 * @param backendPid        the running backend's process id; found by its port when absent
 * @param type              certificate type requested ({@code null}: alternate domestic and overseas)
 * @param municipality      the municipality every request names
 * @param seed              the synthetic residents' seed in that municipality ({@code backend generate --seed})
 * @param residents         how many synthetic residents of that seed exist
 * @param baseline          seconds of the PDF-render-only baseline (0: skip)
 * @param profile           record JFR profiles of the own center and backend
 * @param centerHeapMb      the own center's maximum heap ({@code -Xmx}), in MB
 */
public record LoadArgs(
        int kiosks,
        Duration pace,
        Duration duration,
        Duration warmup,
        boolean heartbeatOnly,
        int terminals,
        Duration heartbeatInterval,
        int connectRate,
        Optional<HostPort> center,
        Optional<String> centerState,
        HostPort backend,
        OptionalLong centerPid,
        OptionalLong backendPid,
        CertificateType type,
        String municipality,
        long seed,
        int residents,
        Duration baseline,
        boolean profile,
        int centerHeapMb) {

    /** The residents the own stack generates (and, with {@code --center}, the demo's defaults below). */
    public static final long OWN_STACK_SEED = 20_240_501L;
    public static final int OWN_STACK_RESIDENTS = 5_000;
    /** {@code ./shomei demo} generates synthetic residents per municipality with seed 1 (record-backend DemoData). */
    public static final long DEMO_SEED = 1;
    public static final int DEMO_RESIDENTS = dev.shomei.record.generate.DemoData.SYNTHETIC_PER_MUNICIPALITY;

    /** Warm-up unless {@code --warmup}: until the JIT has settled under the issuance load; a heartbeat interval or two. */
    public static final long ISSUANCE_WARMUP_SECONDS = 240;
    public static final long HEARTBEAT_WARMUP_SECONDS = 60;

    /** The own center's heap unless {@code --center-heap}: the memory target's 512 MB. */
    public static final int DEFAULT_CENTER_HEAP_MB = 512;

    public static final String USAGE = """
            usage: ./shomei loadgen [--kiosks N [--pace S]] [--duration S] [--warmup S] [--type domestic|overseas|mixed]
                                    [--heartbeat-only [--terminals M] [--heartbeat-interval S] [--connect-rate R]]
                                    [--center HOST:PORT [--center-state DIR] [--backend HOST:PORT]
                                     [--center-pid P] [--backend-pid P] [--seed S] [--residents N]]
                                    [--municipality CODE] [--baseline S] [--profile] [--center-heap MB]

              --kiosks N             simulated kiosks issuing back to back (default 32)
              --pace S               each kiosk starts an issuance at most every S seconds (a paced run:
                                     latency below saturation; no render baseline, no throughput ratio)
              --duration S           seconds measured (default 60); --warmup S before it (default 240 for
                                     issuances: the C2 compilers settle; 60 with --heartbeat-only)
              --heartbeat-only       M terminals that only heartbeat (default 50000, every 30 s)
              --center HOST:PORT     drive a running center (e.g. the demo's 127.0.0.1:8420); without it
                                     the load generator starts its own backend and center (state/loadgen)
              --seed S --residents N which synthetic residents the backend holds (running demo: 1 and 1000)
              --baseline S           seconds of PDF-render-only throughput to compare with (default 30, 0 = skip)
              --profile              own stack only: JFR recordings of center and backend in state/loadgen/logs
              --center-heap MB       own stack only: the center's -Xmx (default 512, the memory target)
            """;

    /** Thrown for a bad command line; the message says what is wrong. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** {@code host:port}. */
    public record HostPort(String host, int port) {
        public static HostPort parse(String option, String text) {
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new UsageException(option + " must be HOST:PORT, not '" + text + "'");
            }
            int port = integer(option, text.substring(colon + 1), 1, 65535);
            return new HostPort(text.substring(0, colon), port);
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public static LoadArgs parse(String... args) {
        int kiosks = 32;
        long pace = 0;
        long duration = 60;
        // under full load on 2 cores the C2 compilers still took 15-18 % of center and backend CPU after
        // 60 s, and none after 240 s (docs/benchmarks.md, "Measuring after the JIT has settled")
        Long warmup = null;
        boolean heartbeatOnly = false;
        boolean profile = false;
        Integer centerHeapMb = null;
        Integer terminals = null;
        long interval = 30;
        int connectRate = 200;
        HostPort center = null;
        String centerState = null;
        HostPort backend = new HostPort("127.0.0.1", 8410);
        Long centerPid = null;
        Long backendPid = null;
        CertificateType type = CertificateType.DOMESTIC;
        String municipality = "131059";
        Long seed = null;
        Integer residents = null;
        long baseline = 30;
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            if (option.equals("--heartbeat-only")) {
                heartbeatOnly = true;
                continue;
            }
            if (option.equals("--profile")) {
                profile = true;
                continue;
            }
            if (option.equals("-h") || option.equals("--help")) {
                throw new UsageException("");
            }
            if (i + 1 >= list.size()) {
                throw new UsageException(option.startsWith("--") ? option + " needs a value" : "unexpected argument " + option);
            }
            String value = list.get(++i);
            switch (option) {
                case "--kiosks" -> kiosks = integer(option, value, 1, 10_000);
                case "--pace" -> pace = integer(option, value, 0, 3_600);
                case "--duration" -> duration = integer(option, value, 1, 86_400);
                case "--warmup" -> warmup = (long) integer(option, value, 0, 3_600);
                case "--terminals" -> terminals = integer(option, value, 1, 1_000_000);
                case "--heartbeat-interval" -> interval = integer(option, value, 1, 3_600);
                case "--connect-rate" -> connectRate = integer(option, value, 1, 100_000);
                case "--center" -> center = HostPort.parse(option, value);
                case "--center-state" -> centerState = value;
                case "--backend" -> backend = HostPort.parse(option, value);
                case "--center-pid" -> centerPid = (long) integer(option, value, 1, Integer.MAX_VALUE);
                case "--backend-pid" -> backendPid = (long) integer(option, value, 1, Integer.MAX_VALUE);
                case "--type" -> type = switch (value.toLowerCase(Locale.ROOT)) {
                    case "domestic" -> CertificateType.DOMESTIC;
                    case "overseas" -> CertificateType.OVERSEAS;
                    case "mixed" -> null;
                    default -> throw new UsageException("--type must be domestic, overseas or mixed");
                };
                case "--municipality" -> {
                    if (!value.matches("[0-9]{6}")) {
                        throw new UsageException("--municipality must be 6 digits");
                    }
                    municipality = value;
                }
                case "--seed" -> seed = (long) integer(option, value, 0, Integer.MAX_VALUE);
                case "--residents" -> residents = integer(option, value, 1, 10_000_000);
                case "--baseline" -> baseline = integer(option, value, 0, 3_600);
                case "--center-heap" -> centerHeapMb = integer(option, value, 64, 65_536);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (terminals != null && !heartbeatOnly) {
            throw new UsageException("--terminals goes with --heartbeat-only");
        }
        if (center == null && (centerState != null || centerPid != null || backendPid != null)) {
            throw new UsageException("--center-state, --center-pid and --backend-pid go with --center");
        }
        if (center != null && centerHeapMb != null) {
            throw new UsageException("--center-heap sizes the own stack's center: it does not go with --center");
        }
        if (center != null && profile) {
            throw new UsageException("--profile records the own stack: it does not go with --center");
        }
        if (center == null && (seed != null || residents != null)) {
            throw new UsageException("--seed and --residents describe a running backend: they go with --center");
        }
        boolean own = center == null;
        if (pace > 0 && heartbeatOnly) {
            throw new UsageException("--pace paces issuances: it does not go with --heartbeat-only");
        }
        if (warmup == null) {
            warmup = heartbeatOnly ? HEARTBEAT_WARMUP_SECONDS : ISSUANCE_WARMUP_SECONDS;
        }
        return new LoadArgs(kiosks, Duration.ofSeconds(pace), Duration.ofSeconds(duration), Duration.ofSeconds(warmup),
                heartbeatOnly,
                terminals == null ? 50_000 : terminals, Duration.ofSeconds(interval), connectRate,
                Optional.ofNullable(center), Optional.ofNullable(centerState), backend,
                centerPid == null ? OptionalLong.empty() : OptionalLong.of(centerPid),
                backendPid == null ? OptionalLong.empty() : OptionalLong.of(backendPid), type, municipality,
                seed != null ? seed : own ? OWN_STACK_SEED : DEMO_SEED,
                residents != null ? residents : own ? OWN_STACK_RESIDENTS : DEMO_RESIDENTS,
                Duration.ofSeconds(baseline), profile, centerHeapMb == null ? DEFAULT_CENTER_HEAP_MB : centerHeapMb);
    }

    public boolean ownStack() {
        return center.isEmpty();
    }

    private static int integer(String option, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new UsageException(option + " must be " + min + ".." + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, not '" + value + "'");
        }
    }
}
