package dev.shomei.bench.backend;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.backend.CardHolder;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.generate.SyntheticResidents;
import dev.shomei.record.importer.ImportedResident;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeySources;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The record backend's issue call at 1,000,000 residents in one municipality, on SQLite and on
 * PostgreSQL, without HTTP: municipality check, My Number lookup by keyed hash (inside the
 * municipality's partition), decrypting the resident and their doses, the rules, SMART Health Card
 * signing, and the write of the issuance record and its audit entry (one transaction, committed
 * durably). Each call is a new transaction id for a random resident, as at the kiosks. Sampled
 * per call: the score's percentiles give the p99 the target speaks of (&lt; 5 ms).
 *
 * <p>The first run generates the data set (minutes for SQLite, longer for PostgreSQL) and keeps it
 * under {@code <state>/bench/}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 20, time = 3) // after 6 s, C2 still took ~20 % of a core in the measured window (perf sched)
@Measurement(iterations = 5, time = 3)
public class BackendIssueBench {
    @Param({"SQLITE", "POSTGRESQL"})
    public ResidentDataset.Engine engine;

    @Param({"1000000"})
    public int residents;

    /** {@code -p partial=true}: measure an unfinished data set as it is (see ResidentDataset). */
    @Param({"false"})
    public boolean partial;

    private ResidentDataset dataset;
    private IssuanceService issuance;
    private List<IssuanceRequest> requests;
    private final AtomicLong calls = new AtomicLong();
    private String run;

    @Setup(Level.Trial)
    public void setUp() {
        // one INFO line per issue would go through JMH's console pipe: the backend writes it to its log file instead
        java.util.logging.Logger.getLogger("dev.shomei.record").setLevel(java.util.logging.Level.WARNING);
        dataset = ResidentDataset.open(engine, residents, partial);
        System.out.printf("[backend] %s with %,d residents in municipality %s%n", engine, dataset.size(),
                ResidentDataset.MUNICIPALITY.value());
        RecordStore store = dataset.store();
        BenchKeys keys = BenchKeys.standard();
        issuance = new IssuanceService(store.database(), store.keyring(), store.audit(),
                new QrCertificateSigner(IssuerKeySources.dev(keys.pki(), BenchKeys.ISSUER)),
                new CertificateContents(VaccineCatalog.standard()), Clock.systemUTC());
        requests = sampleRequests(ResidentDataset.residents(), dataset.size(), 8192);
        run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        IssuanceResponse first = issue(); // fails the run at once if the data set does not answer
        if (first.status() != IssuanceStatus.ISSUED) {
            throw new IllegalStateException("the data set did not issue: " + first.status());
        }
    }

    /** Requests for random ACTIVE residents (the kiosk's card data: My Number and birth date). */
    static List<IssuanceRequest> sampleRequests(SyntheticResidents synthetic, int population, int count) {
        SplittableRandom random = new SplittableRandom(7);
        List<IssuanceRequest> requests = new ArrayList<>(count);
        while (requests.size() < count) {
            ImportedResident imported = synthetic.resident(random.nextInt(population));
            Resident resident = imported.resident();
            if (resident.status() != ResidentStatus.ACTIVE) {
                continue;
            }
            CardHolder holder = new CardHolder(resident.nameKanji().familyFirst(), resident.address(),
                    resident.birthDate().toString(), resident.sex());
            requests.add(new IssuanceRequest("placeholder", ResidentDataset.MUNICIPALITY.value(),
                    imported.myNumber().digits(), holder, CertificateType.DOMESTIC, 1, "BENCH-1"));
        }
        return requests;
    }

    @Benchmark
    public IssuanceResponse issue() {
        long call = calls.getAndIncrement();
        IssuanceRequest template = requests.get((int) (call % requests.size()));
        IssuanceRequest request = new IssuanceRequest("B" + run + "-" + call, template.municipalityCode(), template.myNumber(),
                template.holder(), template.type(), template.copies(), template.terminalId());
        return issuance.issue(request, "center");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (dataset != null) {
            dataset.close();
        }
    }
}
