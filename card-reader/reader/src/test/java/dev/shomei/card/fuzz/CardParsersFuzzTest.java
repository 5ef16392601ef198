package dev.shomei.card.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.BasicInfo;
import dev.shomei.card.data.BasicInfoFile;
import dev.shomei.card.data.BerTlv;
import dev.shomei.card.data.CardDataException;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.CvCertificate;
import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.MyNumberFile;
import dev.shomei.card.data.Sex;
import dev.shomei.card.data.SignatureFile;
import dev.shomei.card.testing.TestCards;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.fuzz.AllocationMeter;
import dev.shomei.protocol.fuzz.Mutations;
import java.security.interfaces.RSAPublicKey;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The BER-TLV reader and the EF 0001 / 0002 / 0003 / 0004 (CV certificate) parsers on mutated real
 * files — bytes inserted, deleted, duplicated, flipped, cut, which the existing
 * {@code CardDataParsersPropertyTest} (overwrite and truncate only) does not do — with the
 * allocation measured, plus round trips of what the virtual card writes.
 */
class CardParsersFuzzTest {
    private static final CardFiles GOOD = TestCards.factory().files(TestCards.person());
    /** 2048, 3072 and 4096-bit keys: the lengths a CV certificate may carry (generated once; slow). */
    private static final RSAPublicKey[] RSA_KEYS = java.util.stream.IntStream.of(2048, 3072, 4096)
            .mapToObj(CardParsersFuzzTest::rsaKey).toArray(RSAPublicKey[]::new);

    /** Each parser by file: 0 = EF 0001, 1 = EF 0002, 2 = EF 0003, 3 = EF 0004. */
    private static final Consumer<byte[]>[] PARSERS = parsers();

    @Property(tries = 3000)
    void mutatedFilesParseOrFailAsCardDataInvalidWithBoundedAllocation(@ForAll @IntRange(max = 3) int file,
            @ForAll long seed) {
        byte[] mutated = Mutations.mutate(files()[file], seed, 4);
        AllocationMeter.assertBounded(mutated.length, 16, () -> total(() -> PARSERS[file].accept(mutated)));
    }

    /** A TLV header that reads must describe a value inside the limit, and {@code value()} must not overrun. */
    @Property(tries = 3000)
    void readTlvsStayInsideTheirLimit(@ForAll @IntRange(max = 3) int file, @ForAll long seed,
            @ForAll @IntRange(max = 40) int offset) {
        byte[] bytes = Mutations.mutate(files()[file], seed, 4);
        total(() -> {
            BerTlv tlv = BerTlv.read(bytes, offset, bytes.length, CardDataException.Reason.BASIC_INFO_MALFORMED);
            assertTrue(tlv.valueOffset() > offset && tlv.end() <= bytes.length, tlv::toString);
            assertEquals(tlv.valueLength(), tlv.value(bytes).length);
        });
    }

    /** A claimed length of up to 16 MiB in a few bytes is refused by read() without allocating it. */
    @Property(tries = 500)
    void aClaimedLengthBeyondTheDataIsRefusedWithoutAllocating(@ForAll @IntRange(min = 1, max = 0xFFFFFF) int claimed,
            @ForAll @IntRange(max = 8) int present) {
        byte[] bytes = new byte[6 + present];
        bytes[0] = (byte) 0xFF;
        bytes[1] = 0x20;
        bytes[2] = (byte) 0x83;
        bytes[3] = (byte) (claimed >> 16);
        bytes[4] = (byte) (claimed >> 8);
        bytes[5] = (byte) claimed;
        long allocated = AllocationMeter.allocatedBy(() -> total(() -> {
            BerTlv.read(bytes, 0, bytes.length, CardDataException.Reason.BASIC_INFO_MALFORMED);
            assertTrue(claimed <= present, "a TLV claiming " + claimed + " bytes with " + present + " present was read");
        }));
        assertTrue(allocated < AllocationMeter.BASE_ALLOWANCE, "allocated " + allocated);
        total(() -> BasicInfoFile.parse(bytes));
    }

    @Property(tries = 500)
    void tlvsRoundTrip(@ForAll("tags") int tag, @ForAll("values") byte[] value) {
        byte[] encoded = BerTlv.encode(tag, value);
        BerTlv tlv = BerTlv.read(encoded, 0, encoded.length, CardDataException.Reason.BASIC_INFO_MALFORMED);
        assertEquals(tag, tlv.tag());
        assertEquals(encoded.length, tlv.end());
        assertArrayEquals(value, tlv.value(encoded));
    }

    @Property(tries = 500)
    void myNumbersRoundTrip(@ForAll long seed) {
        MyNumber number = MyNumber.generate(new SplittableRandom(seed));
        assertEquals(number, MyNumberFile.parse(MyNumberFile.encode(number)));
    }

    @Property(tries = 500)
    void basicInfoRoundTrips(@ForAll("basicInfos") BasicInfo info) {
        assertEquals(info, BasicInfoFile.parse(BasicInfoFile.encode(info)));
    }

    @Property(tries = 200)
    void cvCertificatesRoundTrip(@ForAll("keyIds") byte[] issuer, @ForAll("keyIds") byte[] subject,
            @ForAll @IntRange(max = 2) int keyIndex, @ForAll("signatures") byte[] signature) {
        RSAPublicKey key = RSA_KEYS[keyIndex];
        byte[] ef0004 = CvCertificate.encode(CvCertificate.encodeBody(KeyId.of(issuer), KeyId.of(subject), key), signature);
        CvCertificate parsed = CvCertificate.parse(ef0004);
        assertEquals(KeyId.of(issuer), parsed.issuerKeyId());
        assertEquals(KeyId.of(subject), parsed.subjectKeyId());
        assertEquals(key.getModulus(), parsed.publicKey().getModulus());
        assertEquals(key.getPublicExponent(), parsed.publicKey().getPublicExponent());
        assertArrayEquals(signature, parsed.signature());
    }

    @Property(tries = 20)
    void theCardsOwnFilesRoundTrip(@ForAll @IntRange(max = 3) int unused) {
        CvCertificate certificate = CvCertificate.parse(GOOD.ef0004());
        assertArrayEquals(GOOD.ef0004(), CvCertificate.encode(certificate.body(), certificate.signature()));
        SignatureFile.parse(GOOD.ef0003());
    }

    @Provide
    Arbitrary<byte[]> keyIds() {
        return Arbitraries.bytes().array(byte[].class).ofSize(KeyId.LENGTH);
    }

    @Provide
    Arbitrary<byte[]> signatures() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(512);
    }

    @Provide
    Arbitrary<Integer> tags() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 0xFF).filter(t -> (t & 0x1F) != 0x1F),
                Arbitraries.integers().between(0x1F, 0xFF).filter(t -> (t & 0x1F) == 0x1F)
                        .flatMap(first -> Arbitraries.integers().between(0, 0x7F).map(second -> first << 8 | second)));
    }

    @Provide
    Arbitrary<byte[]> values() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.integers().between(0, 65535).map(byte[]::new));
    }

    @Provide
    Arbitrary<BasicInfo> basicInfos() {
        Arbitrary<String> text = Arbitraries.strings().withChars("東京都文京区春日一丁目試験子ａＢ 0123").ofMinLength(1).ofMaxLength(60)
                .map(s -> s + "𠮷"); // a supplementary character, whole (withChars would split its surrogates)
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 50_000).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
        return Combinators.combine(text, text, births, Arbitraries.of(Sex.class)).as(BasicInfo::new);
    }

    private static RSAPublicKey rsaKey(int bits) {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return (RSAPublicKey) generator.generateKeyPair().getPublic();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[][] files() {
        return new byte[][] {GOOD.ef0001(), GOOD.ef0002(), GOOD.ef0003(), GOOD.ef0004()};
    }

    @SuppressWarnings("unchecked")
    private static Consumer<byte[]>[] parsers() {
        return new Consumer[] {
            (Consumer<byte[]>) MyNumberFile::parse,
            (Consumer<byte[]>) bytes -> {
                BasicInfoFile.signedPart(bytes);
                BasicInfoFile.parse(bytes);
            },
            (Consumer<byte[]>) SignatureFile::parse,
            (Consumer<byte[]>) CvCertificate::parse};
    }

    /** A value or CARD_DATA_INVALID — never NPE, AIOOBE, IllegalArgument or any other exception. */
    private static void total(Runnable parse) {
        try {
            parse.run();
        } catch (CardDataException e) {
            assertEquals(ErrorCode.CARD_DATA_INVALID, e.code());
        }
    }
}
