package dev.shomei.bench.card;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.card.data.CardDataVerifier;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.data.VerifiedCardData;
import dev.shomei.card.sim.CardPerson;
import java.time.LocalDate;
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
 * What the center does with the four card files of every issue request: EF 0004 under the J-LIS
 * key (RSA-2048 verify), EF 0003 under EF 0004's key (RSA-2048 verify), SHA-256 of EF 0001/0002,
 * then parsing My Number and the basic 4 info.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CardVerificationBench {
    private CardDataVerifier verifier;
    private byte[] ef0001;
    private byte[] ef0002;
    private byte[] ef0003;
    private byte[] ef0004;

    @Setup
    public void setUp() {
        BenchKeys keys = BenchKeys.standard();
        CardPerson person = new CardPerson(MyNumber.parse("314159265352"), CardPerson.DEFAULT_NAME,
                CardPerson.DEFAULT_KANA, CardPerson.DEFAULT_ADDRESS, LocalDate.of(1985, 4, 1), Sex.FEMALE);
        try (CardFiles files = keys.cardFactory().files(person)) { // hands out its own arrays and wipes them on close
            ef0001 = files.ef0001().clone();
            ef0002 = files.ef0002().clone();
            ef0003 = files.ef0003().clone();
            ef0004 = files.ef0004().clone();
        }
        verifier = keys.cardVerifier();
        verify(); // fails the run at once when the keys do not match
    }

    @Benchmark
    public VerifiedCardData verify() {
        VerifiedCardData verified = verifier.verify(ef0001, ef0002, ef0003, ef0004);
        verified.wipe();
        return verified;
    }
}
