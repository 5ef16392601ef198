package dev.shomei.bench.pdf;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.bench.fixture.BenchPaths;
import dev.shomei.bench.fixture.SampleCertificates;
import dev.shomei.center.issue.RenderedCertificate;
import dev.shomei.center.render.PdfCertificateRenderer;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.SignedCertificate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PDF step as the center runs it ({@code PdfCertificateRenderer}, one copy): compare with
 * {@link PdfRenderBench} to see what the center adds around printing's renderer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
public class CenterRenderBench {
    private PdfCertificateRenderer renderer;
    private SignedCertificate certificate;

    @Setup
    public void setUp() {
        renderer = new PdfCertificateRenderer(CertificateFont.load(BenchPaths.font()));
        certificate = BenchKeys.standard().sign(SampleCertificates.of(CertificateType.DOMESTIC));
    }

    @Benchmark
    public RenderedCertificate domesticOneCopy() {
        return renderer.render(certificate, 1);
    }
}
