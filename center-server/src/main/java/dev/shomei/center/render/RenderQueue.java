package dev.shomei.center.render;

import dev.shomei.center.issue.PrintoutRenderer;
import dev.shomei.center.issue.RenderedCertificate;
import dev.shomei.protocol.cert.SignedCertificate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders on a few platform threads, first come first served, while the line's work waits parked.
 * The line's work runs on virtual threads, and a virtual thread keeps its carrier until it blocks: 32
 * renders in flight held both carriers, and a kiosk's print outcome, a millisecond of work, waited
 * behind them (back to back, the whole transaction's p50 was twice the issue request's). Here the
 * renders queue in arrival order and the carriers stay free for the small messages; the operating
 * system shares the cores between the render threads and the carriers (docs/benchmarks.md, "Renders
 * in their own queue").
 */
public final class RenderQueue implements PrintoutRenderer, AutoCloseable {
    private final PrintoutRenderer renderer;
    private final ExecutorService threads;

    /** @param threads renders at once: the number of cores, so that a render never waits for a core it has started on */
    public RenderQueue(PrintoutRenderer renderer, int threads) {
        this.renderer = renderer;
        this.threads = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("render-", 0).daemon().factory());
    }

    @Override
    public RenderedCertificate render(SignedCertificate certificate, int copies) {
        Handoff handoff = new Handoff();
        Future<RenderedCertificate> rendered = threads.submit(() -> handoff.deliver(renderer.render(certificate, copies)));
        try {
            return rendered.get();
        } catch (InterruptedException e) {
            rendered.cancel(true);
            handoff.abandon();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a render", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("render failed", e.getCause());
        }
    }

    /**
     * A render's PDF on its way to the caller. A caller that stopped waiting takes nothing, so the PDF
     * (personal data) is wiped here, whether the render finishes before or after the caller gives up.
     */
    private static final class Handoff {
        private RenderedCertificate pdf;
        private boolean abandoned;

        synchronized RenderedCertificate deliver(RenderedCertificate rendered) {
            if (abandoned) {
                rendered.wipe();
            } else {
                pdf = rendered;
            }
            return rendered;
        }

        synchronized void abandon() {
            abandoned = true;
            if (pdf != null) {
                pdf.wipe();
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
