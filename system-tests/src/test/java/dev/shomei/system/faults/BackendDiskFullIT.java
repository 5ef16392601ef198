package dev.shomei.system.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.record.testing.PostgresServer;
import dev.shomei.system.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The record backend's disk fills up (its SQLite database on a 24 MB tmpfs, then a filler file
 * takes the rest): the resident gets a clear refusal, the backend records nothing half-way, and
 * once space is freed issuing works again and the audit chain verifies. Needs permission to mount
 * (root in the test containers); without it the test skips, and with {@code CI=true} it fails.
 */
class BackendDiskFullIT {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aFullDiskIsAClearRefusalWithNothingHalfWrittenAndIssuingResumesOnceFreed() throws Exception {
        Path state = Files.createTempDirectory("shomei-diskfull-");
        Optional<TinyDisk> mounted = TinyDisk.mount(state.resolve("backend"), 24);
        if (mounted.isEmpty()) {
            if (PostgresServer.ci()) {
                throw new AssertionError("CI=true but this machine does not allow mounting a tmpfs (run as root)");
            }
            Assumptions.abort("mounting a tmpfs is not allowed here");
        }
        try (TinyDisk disk = mounted.get();
             FaultStack stack = new FaultStack(state, null, FaultStack.centerYaml(
                     "attempt-timeout: 3s", "attempt-timeout: 10s", "deadline: 8s", "deadline: 30s"), List.of())) {
            stack.startBackend();
            stack.startCenter();
            IssuanceDb db = new IssuanceDb(stack.jdbcUrl());
            Path card = Cards.file(stack.pki(), Cards.HANAKO, state.resolve("cards/hanako.json"));
            FaultPrinter printer = new FaultPrinter();

            String first = issue(stack, card, printer);
            db.awaitStatus(first, "PRINTED", WAIT);

            // the write-ahead log emptied, so the next write must find new space
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            Set<String> before = db.all().keySet();
            assertTrue(disk.fill() > 0, "the disk had room left to fill");

            try (FirmwareKiosk kiosk = new FirmwareKiosk(stack.pki(), "K0002", stack.centerAddress(), card, printer,
                    Clock.systemUTC())) {
                Screen refused = kiosk.request(Cards.PIN, "131059", 1);
                assertEquals(SessionState.REFUSED, refused.state(), "a full disk cannot issue");
                // the backend answers 503 (its write failed and rolled back), the center tries again and gives up
                assertEquals(dev.shomei.protocol.ErrorCode.BACKEND_UNAVAILABLE, refused.error());
                assertEquals(0, kiosk.coins.payouts().size());
            }
            Set<String> after = new HashSet<>(db.all().keySet());
            after.removeAll(before);
            assertEquals(Set.of(), after, "nothing half-written: no issuance recorded while the disk was full");
            assertEquals(1, printer.attempts.get(), "only the first certificate was printed");

            disk.free();
            String next = issue(stack, card, printer);
            db.awaitStatus(next, "PRINTED", WAIT);
            Launcher.Result audit = stack.backendCommand("audit-verify");
            assertEquals(0, audit.exitCode(), audit.stdout() + audit.stderr());
            stack.close();
            copyLogs(stack);
        } finally {
            dev.shomei.kiosk.testing.Trees.delete(state);
        }
    }

    private static String issue(FaultStack stack, Path card, FaultPrinter printer) throws Exception {
        try (FirmwareKiosk kiosk = new FirmwareKiosk(stack.pki(), "K0002", stack.centerAddress(), card, printer,
                Clock.systemUTC())) {
            Screen confirm = kiosk.request(Cards.PIN, "131059", 1);
            assertEquals(SessionState.CONFIRM, confirm.state(), () -> "refused: " + confirm.error());
            kiosk.session().confirm();
            kiosk.pay(confirm.feeYen());
            kiosk.await(SessionState.TAKE_CERTIFICATE);
            kiosk.session().done();
            kiosk.awaitOutcomesDelivered();
            return confirm.transactionId();
        }
    }

    private static void copyLogs(FaultStack stack) throws java.io.IOException {
        Path target = Path.of("target", "system-logs", "BackendDiskFullIT");
        Files.createDirectories(target);
        try (var logs = Files.list(stack.shomei.logs())) {
            for (Path log : logs.toList()) {
                Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
