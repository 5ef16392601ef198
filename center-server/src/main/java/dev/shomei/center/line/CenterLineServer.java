package dev.shomei.center.line;

import dev.shomei.center.board.TerminalBoard;
import dev.shomei.center.issue.KioskIssuance;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.line.transport.LineServer;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.pki.TlsIdentity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The center's line endpoint (port 8420): the shared line pipeline (TLS 1.3, mutual auth against
 * the configured CA, capped frames, idle timeout) with a {@link CenterLineHandler} per connection.
 * Disabling a terminal on the console leaves its connections open (it may still report outcomes;
 * see {@link CenterLineHandler}).
 */
public final class CenterLineServer implements AutoCloseable {
    private final LineServer server;
    private final LineConnections connections;
    private final ExecutorService workers;

    private CenterLineServer(LineServer server, LineConnections connections, ExecutorService workers) {
        this.server = server;
        this.connections = connections;
        this.workers = workers;
    }

    public static CenterLineServer start(InetSocketAddress address, TlsIdentity identity, Path trustedCaPem,
            LineSettings settings, LineLimitsConfig limits, TerminalRegistry registry, TerminalBoard board,
            KioskIssuance issuance) {
        LineConnections connections = new LineConnections();
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("line-work-", 0).factory());
        Semaphore slots = new Semaphore(limits.maxConcurrentWork());
        LineServer server = LineServer.start(address, LineTls.serverContext(identity, trustedCaPem), settings,
                () -> new CenterLineHandler(registry, board, issuance, connections, limits, workers, slots));
        return new CenterLineServer(server, connections, workers);
    }

    public int port() {
        return server.port();
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public int connectionCount() {
        return connections.total();
    }

    @Override
    public void close() {
        server.close();
        workers.shutdownNow();
    }
}
