package dev.shomei.load;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.importer.ImportedResident;
import dev.shomei.record.issue.CertificateContents;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * The "PDF render only" throughput the full issuance is compared with: the certificates of the
 * same residents and types the kiosks ask for, signed beforehand, rendered with printing's
 * renderer and one shared font on as many threads as there are cores, nothing else running.
 * Warm-up first (the JIT needs about 10 s of this load on 2 cores).
 */
public final class RenderBaseline {
    private RenderBaseline() {
    }

    /** PDFs per second over {@code measure}, after {@code warmup}. */
    public static double pdfsPerSecond(Path font, BenchKeys keys, CardPool pool, CertificateType type, String municipality,
            Duration warmup, Duration measure, int threads) throws InterruptedException {
        List<SignedCertificate> certificates = certificates(keys, pool, type, municipality, 200);
        CertificateRenderer renderer = new CertificateRenderer(CertificateFont.load(font));
        LongAdder rendered = new LongAdder();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread.ofPlatform().name("baseline-" + t).start(() -> {
                try {
                    for (int i = offset; ; i += threads) {
                        long now = System.nanoTime();
                        if (now >= end) {
                            return;
                        }
                        byte[] pdf = renderer.render(certificates.get(i % certificates.size()));
                        if (pdf.length == 0) {
                            throw new IllegalStateException("empty PDF");
                        }
                        if (now >= measureFrom) {
                            rendered.increment();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return rendered.sum() / (measure.toNanos() / 1e9);
    }

    static List<SignedCertificate> certificates(BenchKeys keys, CardPool pool, CertificateType type, String municipality,
            int count) {
        Municipality authority = BuiltInMunicipalities.find(MunicipalityCode.of(municipality)).orElseThrow();
        CertificateContents contents = new CertificateContents(VaccineCatalog.standard());
        List<SignedCertificate> certificates = new ArrayList<>();
        for (int n = 0; n < Math.min(count, pool.size()); n++) {
            ImportedResident holder = pool.residents().get(n);
            CertificateType requested = CardPool.typeFor(type, pool.card(n), n);
            certificates.add(keys.sign(contents.build(String.format("13105BASE%03d", n), requested, authority,
                    holder.resident(), holder.doses(), LocalDate.now())));
        }
        return certificates;
    }
}
