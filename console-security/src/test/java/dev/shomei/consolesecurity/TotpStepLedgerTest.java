package dev.shomei.consolesecurity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TotpStepLedgerTest {
    @TempDir
    Path dir;

    @Test
    void aStepIsUsedOnceEvenByAnotherInstanceOrAfterARestart() {
        Path file = dir.resolve("totp-steps.properties");
        TotpStepLedger first = new TotpStepLedger(file);
        assertTrue(first.claim("admin", 100));
        assertFalse(first.claim("admin", 100));
        TotpStepLedger second = new TotpStepLedger(file); // another center, or this one restarted
        assertFalse(second.claim("admin", 100));
        assertFalse(second.claim("admin", 99));
        assertTrue(second.claim("operator", 100));
        assertTrue(second.claim("admin", 101));
        assertEquals(101, first.last("admin"));
        first.forget("admin");
        assertEquals(-1, second.last("admin"));
    }

    @Test
    void concurrentClaimsOfOneStepLetExactlyOneThrough() throws Exception {
        Path file = dir.resolve("totp-steps.properties");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                TotpStepLedger instance = new TotpStepLedger(file); // separate instances: only the file lock orders them
                claims.add(() -> instance.claim("admin", 500));
            }
            int accepted = 0;
            for (Future<Boolean> result : pool.invokeAll(claims)) {
                accepted += result.get() ? 1 : 0;
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdown();
        }
    }
}
