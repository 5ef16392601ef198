package dev.shomei.bench.sign;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.bench.fixture.SampleCertificates;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.vds.VdsNcSealer;
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
 * ICAO VDS-NC build + sign for an overseas certificate: the {@code icao.vacc} message, RFC 8785
 * canonical JSON, ECDSA P-256 signature, the seal JSON with the signer certificate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VdsNcBench {
    private VdsNcSealer sealer;
    private CertificateContent content;

    @Setup
    public void setUp() {
        sealer = BenchKeys.standard().vdsNc();
        content = SampleCertificates.overseas();
    }

    @Benchmark
    public String buildAndSign() {
        return sealer.seal(content);
    }
}
