package dev.shomei.bench.qr;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.bench.fixture.SampleCertificates;
import dev.shomei.printing.qr.CertificateQr;
import dev.shomei.printing.qr.QrCode;
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
 * QR encoding of a 3-dose certificate's codes with printing's encoder (segments, Reed-Solomon,
 * placement, mask choice): the SMART Health Card (two segments, version &le; 22) and the VDS-NC seal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class QrEncodeBench {
    private String smartHealthCard;
    private String vdsNc;

    @Setup
    public void setUp() {
        SignedCertificate overseas = BenchKeys.standard().sign(SampleCertificates.overseas());
        smartHealthCard = overseas.smartHealthCard();
        vdsNc = overseas.vdsNc();
    }

    @Benchmark
    public QrCode smartHealthCard() {
        return CertificateQr.smartHealthCard(smartHealthCard);
    }

    @Benchmark
    public QrCode vdsNc() {
        return CertificateQr.vdsNc(vdsNc);
    }
}
