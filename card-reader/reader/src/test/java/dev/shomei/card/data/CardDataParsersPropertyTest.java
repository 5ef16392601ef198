package dev.shomei.card.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.testing.TestCards;
import dev.shomei.protocol.ErrorCode;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The parsers are total: any bytes give a value or CARD_DATA_INVALID, never another exception. */
class CardDataParsersPropertyTest {
    private static final CardFiles GOOD = TestCards.factory().files(TestCards.person());
    private static final CardDataVerifier VERIFIER = new CardDataVerifier(TestCards.factory().trustedKeys());

    @Property(tries = 3000)
    void randomBytesNeverEscapeAsAnythingButCardDataInvalid(@ForAll @Size(max = 700) byte[] bytes) {
        total(() -> MyNumberFile.parse(bytes));
        total(() -> BasicInfoFile.parse(bytes));
        total(() -> BasicInfoFile.signedPart(bytes));
        total(() -> SignatureFile.parse(bytes));
        total(() -> CvCertificate.parse(bytes));
        total(() -> VERIFIER.verify(bytes, bytes, bytes, bytes));
    }

    @Property(tries = 2000)
    void mutatedRealFilesNeverEscape(@ForAll("fileIndex") int file, @ForAll @IntRange(max = 600) int position,
                                     @ForAll byte value, @ForAll boolean truncate) {
        byte[][] files = {GOOD.ef0001().clone(), GOOD.ef0002().clone(), GOOD.ef0003().clone(), GOOD.ef0004().clone()};
        byte[] target = files[file];
        int at = position % target.length;
        if (truncate) {
            files[file] = Arrays.copyOf(target, at);
        } else {
            target[at] = value;
        }
        total(() -> VERIFIER.verify(files[0], files[1], files[2], files[3]));
        total(() -> CardData.parse(new CardFiles(files[0], files[1], files[2], files[3])));
    }

    @Property(tries = 500)
    void headersWithRandomLengthsAreHandled(@ForAll("tags") int tag, @ForAll @Size(max = 8) byte[] tail) {
        byte[] bytes = new byte[2 + tail.length];
        bytes[0] = (byte) (tag >> 8);
        bytes[1] = (byte) tag;
        System.arraycopy(tail, 0, bytes, 2, tail.length);
        total(() -> BerTlv.read(bytes, 0, bytes.length, CardDataException.Reason.BASIC_INFO_MALFORMED));
        total(() -> BerTlv.readHeader(bytes, 0, bytes.length, CardDataException.Reason.BASIC_INFO_MALFORMED));
    }

    @Provide
    Arbitrary<Integer> fileIndex() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Integer> tags() {
        return Arbitraries.of(0xFF10, 0xFF20, 0xFF30, 0x7F21, 0x5F4E, 0xDF21, 0x9082, 0x1F1F);
    }

    private static void total(Runnable parse) {
        try {
            parse.run();
        } catch (CardDataException e) {
            assertEquals(ErrorCode.CARD_DATA_INVALID, e.code());
        }
    }

    static {
        // touch the factory so a failure to build it shows here, not as a property failure
        CardFactory unused = TestCards.factory();
        assert unused != null;
    }
}
