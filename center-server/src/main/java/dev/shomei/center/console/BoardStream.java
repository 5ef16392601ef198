package dev.shomei.center.console;

import dev.shomei.center.board.Alert;
import dev.shomei.center.board.TerminalBoard;
import dev.shomei.center.board.TerminalView;
import dev.shomei.center.console.auth.LiveSessions;
import dev.shomei.center.console.auth.Session;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The live board as server-sent events: a {@code snapshot} event first, then every
 * {@code interval} a {@code changes} event with the rows and alerts whose version is newer than
 * what this browser has seen (nothing when nothing changed; a comment every 15 s keeps proxies
 * from closing the stream). One virtual thread per open board; no per-browser queues, so a slow
 * browser costs nothing but its own socket. The stream ends at logout or session expiry, and
 * within an interval when the operator's account is disabled, demoted or reset; it does not keep
 * the session alive (only the operator's own requests do).
 */
final class BoardStream {
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);

    private final ConsoleContext context;
    private final BooleanSupplier running;

    BoardStream(ConsoleContext context, BooleanSupplier running) {
        this.context = context;
        this.running = running;
    }

    void handle(ServerRequest req, ServerResponse res) {
        Session session = ConsoleSecurity.session(req);
        TerminalBoard board = context.board();
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            LiveSessions live = context.live(); // the stream never resets the idle timer; a changed account ends it
            long sent = board.version();
            sink.emit(event("snapshot", Json.board(board.snapshot(), board.alerts().all(), sent)));
            long quietSince = System.nanoTime();
            while (running.getAsBoolean() && live.find(session.id(), false).isPresent()) {
                Thread.sleep(context.streamInterval().toMillis());
                long now = board.version();
                if (now > sent) {
                    List<TerminalView> rows = board.changedSince(sent);
                    List<Alert> alerts = board.alerts().changedSince(sent);
                    sink.emit(event("changes", Json.board(rows, alerts, now)));
                    sent = now;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > KEEPALIVE.toNanos()) {
                    sink.emit(SseEvent.builder().comment("keepalive").build());
                    quietSince = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException e) {
            // the browser went away
        }
    }

    private static SseEvent event(String name, Object body) {
        return SseEvent.builder().name(name).data(Json.write(body)).build();
    }
}
