package dev.shomei.bench.sign;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.bench.fixture.SampleCertificates;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * SMART Health Card build + sign, as the record backend does per issuance: the FHIR bundle JSON,
 * raw DEFLATE, the compact JWS header, ES256 over it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SmartHealthCardBench {
    @Param({"DOMESTIC", "OVERSEAS"})
    public CertificateType type;

    private SmartHealthCardIssuer issuer;
    private CertificateContent content;
    private Instant issuedAt;

    @Setup
    public void setUp() {
        issuer = BenchKeys.standard().smartHealthCards();
        content = SampleCertificates.of(type);
        issuedAt = Instant.parse("2024-05-01T01:00:00Z");
    }

    @Benchmark
    public String buildAndSign() {
        return issuer.issue(content, issuedAt);
    }
}
