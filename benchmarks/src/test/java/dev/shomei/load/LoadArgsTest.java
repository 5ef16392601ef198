package dev.shomei.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadArgsTest {
    @Test
    void defaultsRunThirtyTwoKiosksAgainstAnOwnStack() {
        LoadArgs args = LoadArgs.parse();
        assertEquals(32, args.kiosks());
        assertEquals(Duration.ZERO, args.pace());
        assertEquals(Duration.ofSeconds(60), args.duration());
        assertEquals(Duration.ofSeconds(240), args.warmup(), "until the JIT has settled");
        assertFalse(args.heartbeatOnly());
        assertTrue(args.ownStack());
        assertEquals(CertificateType.DOMESTIC, args.type());
        assertEquals("131059", args.municipality());
        assertEquals(LoadArgs.OWN_STACK_SEED, args.seed());
        assertEquals(LoadArgs.OWN_STACK_RESIDENTS, args.residents());
        assertEquals(Duration.ofSeconds(30), args.baseline());
        assertEquals(new LoadArgs.HostPort("127.0.0.1", 8410), args.backend());
    }

    @Test
    void theIssueCommandLine() {
        LoadArgs args = LoadArgs.parse("--kiosks", "8", "--duration", "30");
        assertEquals(8, args.kiosks());
        assertEquals(Duration.ofSeconds(30), args.duration());
    }

    @Test
    void pacedKiosks() {
        assertEquals(Duration.ofSeconds(2), LoadArgs.parse("--kiosks", "32", "--pace", "2").pace());
        assertThrows(LoadArgs.UsageException.class, () -> LoadArgs.parse("--heartbeat-only", "--pace", "2"));
        assertThrows(LoadArgs.UsageException.class, () -> LoadArgs.parse("--pace", "-1"));
    }

    @Test
    void heartbeatOnlyDefaultsToFiftyThousandTerminalsEveryThirtySeconds() {
        LoadArgs args = LoadArgs.parse("--heartbeat-only");
        assertTrue(args.heartbeatOnly());
        assertEquals(50_000, args.terminals());
        assertEquals(Duration.ofSeconds(30), args.heartbeatInterval());
        assertEquals(Duration.ofSeconds(60), args.warmup(), "no JIT to wait for beyond a heartbeat interval or two");
        LoadArgs fewer = LoadArgs.parse("--duration", "60", "--heartbeat-only", "--terminals", "1000",
                "--heartbeat-interval", "10", "--connect-rate", "50");
        assertEquals(1000, fewer.terminals());
        assertEquals(Duration.ofSeconds(10), fewer.heartbeatInterval());
        assertEquals(50, fewer.connectRate());
    }

    @Test
    void theOwnCentersHeapIsTheMemoryTargetUnlessTold() {
        assertEquals(512, LoadArgs.parse().centerHeapMb());
        assertEquals(1024, LoadArgs.parse("--heartbeat-only", "--center-heap", "1024").centerHeapMb());
        assertThrows(LoadArgs.UsageException.class, () -> LoadArgs.parse("--center-heap", "16"));
        assertThrows(LoadArgs.UsageException.class,
                () -> LoadArgs.parse("--center", "127.0.0.1:8420", "--center-heap", "1024"), "a running center has its own");
    }

    @Test
    void aRunningCenterUsesTheDemosResidentsUnlessTold() {
        LoadArgs demo = LoadArgs.parse("--center", "127.0.0.1:8420");
        assertFalse(demo.ownStack());
        assertEquals(new LoadArgs.HostPort("127.0.0.1", 8420), demo.center().orElseThrow());
        assertEquals(LoadArgs.DEMO_SEED, demo.seed());
        assertEquals(LoadArgs.DEMO_RESIDENTS, demo.residents());
        LoadArgs told = LoadArgs.parse("--center", "localhost:9000", "--seed", "7", "--residents", "1000",
                "--center-state", "/tmp/c", "--center-pid", "123", "--backend", "127.0.0.1:9410", "--backend-pid", "456");
        assertEquals(7, told.seed());
        assertEquals(1000, told.residents());
        assertEquals("/tmp/c", told.centerState().orElseThrow());
        assertEquals(123, told.centerPid().getAsLong());
        assertEquals(456, told.backendPid().getAsLong());
        assertEquals(9410, told.backend().port());
    }

    @Test
    void typesAndBaseline() {
        assertEquals(CertificateType.OVERSEAS, LoadArgs.parse("--type", "overseas").type());
        assertNull(LoadArgs.parse("--type", "MIXED").type());
        assertEquals(Duration.ZERO, LoadArgs.parse("--baseline", "0").baseline());
        assertEquals("131041", LoadArgs.parse("--municipality", "131041").municipality());
        assertTrue(LoadArgs.parse("--profile").profile());
        assertFalse(LoadArgs.parse().profile());
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertUsage("unknown option --kiosk", "--kiosk", "3");
        assertUsage("--kiosks needs a value", "--kiosks");
        assertUsage("--kiosks must be a whole number, not 'many'", "--kiosks", "many");
        assertUsage("--kiosks must be 1..10000", "--kiosks", "0");
        assertUsage("--duration must be 1..86400", "--duration", "0");
        assertUsage("--terminals goes with --heartbeat-only", "--terminals", "5");
        assertUsage("--center must be HOST:PORT, not '8420'", "--center", "8420");
        assertUsage("--center must be 1..65535", "--center", "h:70000");
        assertUsage("--seed and --residents describe a running backend: they go with --center", "--seed", "1");
        assertUsage("--center-state, --center-pid and --backend-pid go with --center", "--center-pid", "5");
        assertUsage("--type must be domestic, overseas or mixed", "--type", "both");
        assertUsage("--municipality must be 6 digits", "--municipality", "13105");
        assertUsage("unexpected argument extra", "extra");
        assertUsage("--profile records the own stack: it does not go with --center", "--profile", "--center", "h:1");
    }

    @Test
    void helpIsAnEmptyUsageMessage() {
        assertEquals("", assertThrows(LoadArgs.UsageException.class, () -> LoadArgs.parse("--help")).getMessage());
    }

    private static void assertUsage(String message, String... args) {
        assertEquals(message, assertThrows(LoadArgs.UsageException.class, () -> LoadArgs.parse(args)).getMessage());
    }
}
