package dev.shomei.bench.pdf;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.bench.fixture.BenchPaths;
import dev.shomei.bench.fixture.SampleCertificates;
import dev.shomei.printing.pdf.CertificateDocument;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.SignedCertificate;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./shomei bench --cpu-time [SECONDS]}: the PDF render's cost as <em>thread CPU time</em>
 * per certificate, single-threaded, after a warm-up. On a machine shared with other work the wall
 * time of a JMH run (its score) grows with the load; the CPU time the rendering thread itself
 * spends grows much less (caches and SMT siblings still matter), so this is the figure to compare
 * with the 6 ms target when the load average is high. Printed for the whole render (QR encoding
 * included) and for the PDF alone (QR codes encoded beforehand).
 */
public final class RenderCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Per-certificate figures of one measured window. */
    public record Figures(String what, long renders, double cpuMs, double wallMs) {
        String format() {
            return String.format(Locale.ROOT, "  %-46s %8.2f ms CPU  %8.2f ms wall  (%,d renders)", what, cpuMs, wallMs,
                    renders);
        }
    }

    private RenderCpuTime() {
    }

    public static void run(Duration warmup, Duration measure, PrintStream out) {
        CertificateRenderer renderer = new CertificateRenderer(CertificateFont.load(BenchPaths.font()));
        BenchKeys keys = BenchKeys.standard();
        out.printf(Locale.ROOT, "PDF render, thread CPU time per certificate (single thread, %d s warm-up, %d s measured each)%n",
                warmup.toSeconds(), measure.toSeconds());
        for (CertificateType type : new CertificateType[] {CertificateType.DOMESTIC, CertificateType.OVERSEAS}) {
            SignedCertificate certificate = keys.sign(SampleCertificates.of(type));
            CertificateDocument document = CertificateDocument.of(certificate);
            String name = type.name().toLowerCase(Locale.ROOT);
            loop(warmup, () -> renderer.render(certificate));
            Figures whole = loop(measure, () -> renderer.render(certificate));
            out.println(new Figures(name + " 3 doses, QR encoding included", whole.renders, whole.cpuMs, whole.wallMs).format()
                    + (type == CertificateType.DOMESTIC ? "  [target <= 6 ms: " + (whole.cpuMs <= 6 ? "MET" : "MISSED")
                    + " on CPU time]" : ""));
            Figures pdf = loop(measure, () -> renderer.render(document));
            out.println(new Figures(name + " 3 doses, PDF only (QR encoded before)", pdf.renders, pdf.cpuMs, pdf.wallMs)
                    .format());
        }
    }

    private static Figures loop(Duration duration, Runnable render) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long renders = 0;
        long now;
        do {
            render.run();
            renders++;
            now = System.nanoTime();
        } while (now < end);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return new Figures("", renders, cpu / 1e6 / renders, (now - start) / 1e6 / renders);
    }
}
