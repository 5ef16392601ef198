package dev.shomei.protocol.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.cert.Base64Url;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.shc.EcShcSigner;
import dev.shomei.protocol.shc.HealthCard;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.protocol.shc.RawDeflate;
import dev.shomei.protocol.shc.ShcQrText;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The SMART Health Card decoder, end to end: {@code shc:/} digits -> compact JWS -> signature ->
 * raw DEFLATE -> JSON -> FHIR bundle. Mutations are applied at every layer; below the signature
 * they are re-signed with the trusted test key, so that the inflater, the JSON parser and the FHIR
 * reader see hostile input too (as they would from a leaked or misused issuer key).
 */
class ShcDecoderPropertyTest {
    private static final Instant NBF = Instant.parse("2024-05-01T00:00:00Z");
    private static final EcShcSigner SIGNER = new EcShcSigner(CertificateFixtures.rfc6979Key());
    private static final SmartHealthCardIssuer ISSUING = new SmartHealthCardIssuer("https://shomei.example/issuer", SIGNER);
    private static final SmartHealthCardVerifier VERIFIER = new SmartHealthCardVerifier(Jwks.of(SIGNER.jwk()),
            Clock.fixed(NBF.plusSeconds(3600), ZoneOffset.UTC));
    private static final String VALID_JWS = ISSUING.issue(CertificateFixtures.overseas(3), NBF);
    private static final String HEADER = VALID_JWS.substring(0, VALID_JWS.indexOf('.'));
    private static final HealthCard ORIGINAL = VERIFIER.verify(VALID_JWS);
    private static final byte[] VALID_JSON =
            RawDeflate.inflate(Base64Url.decode(VALID_JWS.split("\\.")[1], "payload"));

    @Property(tries = 1000)
    void randomTextIsRefusedAsInvalid(@ForAll("qrLikeText") String text) {
        decodeOrRefuse(text, true);
    }

    @Property(tries = 1500)
    void mutatedQrTextIsRefusedOrStillTheSameCard(@ForAll long seed) {
        String mutated = Mutations.mutate(ShcQrText.encode(VALID_JWS), seed, 3);
        decodeOrRefuse(mutated, true);
    }

    @Property(tries = 800)
    void mutatedDeflateStreamsUnderAValidSignatureEndInACleanError(@ForAll long seed) {
        String jws = VALID_JWS.split("\\.")[1];
        byte[] deflated = Base64Url.decode(jws, "payload");
        decodeOrRefuse(ShcQrText.encode(signed(Mutations.mutate(deflated, seed, 3))), false);
    }

    @Property(tries = 800)
    void mutatedJsonUnderAValidSignatureEndsInACleanError(@ForAll long seed) {
        byte[] json = Mutations.mutate(VALID_JSON, seed, 3);
        decodeOrRefuse(ShcQrText.encode(signed(RawDeflate.deflate(json))), false);
    }

    @Property(tries = 300)
    void validCardsRoundTrip(@ForAll @IntRange(min = 1, max = 6) int doses, @ForAll long lotSeed,
            @ForAll("birthDates") LocalDate birthDate, @ForAll boolean overseas) {
        Person person = new Person("山田", "太郎", birthDate);
        List<Dose> given = CertificateFixtures.dosesWithRandomLots(doses, lotSeed);
        CertificateContent content = new CertificateContent("JP0000000009",
                overseas ? CertificateType.OVERSEAS : CertificateType.DOMESTIC, person,
                overseas ? CertificateFixtures.YAMADA_PASSPORT : null, given, CertificateFixtures.BUNKYO,
                CertificateFixtures.ISSUED);
        String qr = ShcQrText.encode(ISSUING.issue(content, NBF));
        HealthCard card = VERIFIER.verify(ShcQrText.decode(qr));
        assertEquals(birthDate, card.birthDate());
        assertEquals(given.stream().map(Dose::lotNumber).toList(),
                card.immunizations().stream().map(HealthCard.Immunization::lotNumber).toList());
        assertEquals(given.stream().map(Dose::date).toList(),
                card.immunizations().stream().map(HealthCard.Immunization::date).toList());
    }

    /**
     * Times beyond what an Instant holds, under a valid signature: refused as invalid. A mutation once
     * reached one, and the verifier threw a DateTimeException instead (a flaky run of this class).
     */
    @Example
    void aTimeBeyondTheInstantRangeIsRefusedAsInvalid() {
        String json = new String(VALID_JSON, StandardCharsets.UTF_8);
        String nbf = "\"nbf\":" + NBF.getEpochSecond();
        assertTrue(json.contains(nbf), json);
        for (String payload : List.of(json.replace(nbf, "\"nbf\":99999999999999999"),
                json.replace(nbf, "\"nbf\":-99999999999999999"), json.replace(nbf, "\"nbf\":1.5e300"),
                json.replace(nbf, nbf + ",\"exp\":99999999999999999"))) {
            String jws = signed(RawDeflate.deflate(payload.getBytes(StandardCharsets.UTF_8)));
            assertThrows(CertificateVerificationException.class, () -> VERIFIER.verify(jws), payload);
        }
    }

    /** A decompression bomb under a valid signature: refused at the inflate limit, allocation bounded. */
    @Example
    void aDecompressionBombIsRefusedWithBoundedAllocation() {
        byte[] bomb = RawDeflate.deflate(new byte[50 * 1024 * 1024]);
        String jws = signed(bomb);
        long allocated = AllocationMeter.allocatedBy(() -> assertThrows(CertificateVerificationException.class,
                () -> VERIFIER.verify(jws)));
        // the limit is 64 KiB of output; anything near the 50 MiB would mean the limit is not enforced
        assertEquals(true, allocated < AllocationMeter.BASE_ALLOWANCE, "allocated " + allocated);
    }

    @Provide
    Arbitrary<String> qrLikeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(400),
                Arbitraries.strings().numeric().ofMaxLength(2400).map(d -> ShcQrText.PREFIX + d),
                Arbitraries.strings().withChars("0123456789/").ofMaxLength(200).map(d -> ShcQrText.PREFIX + d));
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.integers().between(0, 36_000).map(d -> LocalDate.of(1920, 1, 1).plusDays(d));
    }

    /** A compact JWS with the valid header, {@code payload} and a fresh valid signature over both. */
    private static String signed(byte[] payload) {
        String signingInput = HEADER + "." + Base64Url.encode(payload);
        return signingInput + "." + Base64Url.encode(SIGNER.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Decodes and verifies {@code qrText}: a card or a CertificateVerificationException (INVALID_REQUEST),
     * nothing else, with bounded allocation. {@code sameCard}: the signature is the original one, so
     * whatever verifies must be the original card.
     */
    private static void decodeOrRefuse(String qrText, boolean sameCard) {
        AllocationMeter.assertBounded(qrText.length(), 64, () -> {
            try {
                HealthCard card = VERIFIER.verify(ShcQrText.decode(qrText));
                if (sameCard) {
                    assertEquals(ORIGINAL, card);
                }
            } catch (CertificateVerificationException e) {
                assertEquals(ErrorCode.INVALID_REQUEST, e.code());
            }
        });
    }
}
