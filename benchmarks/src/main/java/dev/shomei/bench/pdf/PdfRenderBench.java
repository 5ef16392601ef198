package dev.shomei.bench.pdf;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.bench.fixture.BenchPaths;
import dev.shomei.bench.fixture.SampleCertificates;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.SignedCertificate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The certificate PDF from signed content (layout, shared font subset, both QR codes, pattern,
 * micro-text), single-threaded: the target is at most 6 ms warm. The JIT needs about 10 s of this
 * load on 2 cores before the time settles, hence the long warm-up. The setup refuses to measure a
 * PDF whose text does not extract.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
public class PdfRenderBench {
    @Param({"DOMESTIC", "OVERSEAS"})
    public CertificateType type;

    private CertificateRenderer renderer;
    private SignedCertificate certificate;

    @Setup
    public void setUp() {
        renderer = new CertificateRenderer(CertificateFont.load(BenchPaths.font()));
        certificate = BenchKeys.standard().sign(SampleCertificates.of(type));
        PdfCheck check = PdfCheck.of(type, renderer.render(certificate));
        System.out.println("[pdf] " + check.describe());
        if (!check.textExtracts()) {
            throw new IllegalStateException("the PDF's text does not extract: " + check.missing());
        }
    }

    @Benchmark
    public byte[] render() {
        return renderer.render(certificate);
    }

    /** Two threads sharing one renderer and font: PDFs per second on this machine (JMH sums the threads). */
    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] renderOnTwoThreads() {
        return renderer.render(certificate);
    }
}
