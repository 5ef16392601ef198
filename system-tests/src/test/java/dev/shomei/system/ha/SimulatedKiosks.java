package dev.shomei.system.ha;

import dev.shomei.load.CardPool;
import dev.shomei.load.IssuanceMetrics;
import dev.shomei.load.KioskSimulator;
import dev.shomei.load.LineConnector;
import dev.shomei.load.LoadArgs;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.pki.DevPki;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The load generator's kiosks ({@link KioskSimulator}: complete issuances back to back over the
 * real line protocol, each as its own terminal) against one line address, which here is HAProxy's.
 * Keeps the id of every transaction whose PRINTED outcome a center acknowledged.
 */
final class SimulatedKiosks implements AutoCloseable {
    final IssuanceMetrics metrics = new IssuanceMetrics();
    final Set<String> printed = ConcurrentHashMap.newKeySet();
    private final LineConnector connector;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    SimulatedKiosks(DevPki pki, int port, List<String> terminals, String run, CardPool cards) {
        metrics.onPrinted(printed::add);
        connector = new LineConnector(pki, new LoadArgs.HostPort("127.0.0.1", port), 2, Duration.ofSeconds(90));
        for (int i = 0; i < terminals.size(); i++) {
            threads.add(Thread.ofPlatform().name("ha-kiosk-" + (i + 1)).daemon().start(new KioskSimulator(connector,
                    terminals.get(i), i + 1, run, cards, CertificateType.DOMESTIC, HaStack.MUNICIPALITY, metrics,
                    () -> running, Duration.ZERO)));
        }
    }

    int printedCount() {
        return printed.size();
    }

    /** Stops the kiosks after their current issuance and waits for them. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(70));
        }
        connector.close();
    }
}
