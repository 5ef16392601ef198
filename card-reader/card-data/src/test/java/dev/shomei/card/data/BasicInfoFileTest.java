package dev.shomei.card.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.data.CardDataException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BasicInfoFileTest {

    @Test
    void roundTripsNamesOutsideJisX0208AndFullWidthDigits() {
        BasicInfo info = new BasicInfo("髙橋\u3000𠮷野", "東京都文京区春日一丁目１６番２１号", LocalDate.of(2000, 2, 29), Sex.NOT_APPLICABLE);
        byte[] file = BasicInfoFile.encode(info);
        assertEquals(0xFF, file[0] & 0xFF);
        assertEquals(0x20, file[1]);
        BasicInfo parsed = BasicInfoFile.parse(file);
        assertEquals(info, parsed);
    }

    @Test
    void offsetsInDf21PointAtEachField() {
        byte[] file = BasicInfoFile.encode(new BasicInfo("a", "b", LocalDate.of(1990, 1, 2), Sex.MALE));
        // FF 20 22 | DF 21 08 <offsets> | DF 22 01 61 | DF 23 01 62 | DF 24 08 ... | DF 25 01 31
        assertEquals("FF2022DF2108000E001200160021DF220161DF230162DF24083139393030313032DF250131", Hex.of(file));
        BasicInfoFile.SignedPart part = BasicInfoFile.signedPart(file);
        assertEquals(14, part.from());
        assertEquals(file.length, part.to());
    }

    @Test
    void smallestWellFormedFileIsTheMinimumSize() {
        byte[] file = BasicInfoFile.encode(new BasicInfo("", "", LocalDate.of(1990, 1, 2), Sex.UNKNOWN));
        assertEquals(BasicInfoFile.MINIMUM_SIZE, file.length);
    }

    @Test
    void paddingAfterTheTlvIsIgnored() {
        byte[] file = BasicInfoFile.encode(new BasicInfo("a", "b", LocalDate.of(1990, 1, 2), Sex.MALE));
        byte[] padded = java.util.Arrays.copyOf(file, file.length + 20);
        java.util.Arrays.fill(padded, file.length, padded.length, (byte) 0xFF);
        assertEquals("a", BasicInfoFile.parse(padded).name());
    }

    @Test
    void refusesBadFields() {
        assertReason("FF2022DF2108000E001200160021DF220161DF230162DF24083139393030323330DF250131"); // 1990-02-30
        assertReason("FF2022DF2108000E001200160021DF220161DF230162DF24083139393030313032DF250133"); // sex 3
        assertReason("FF2022DF2108000E001200160021DF2201FFDF230162DF24083139393030313032DF250131"); // bad UTF-8
        assertReason("FF2022DF2108000E001200160021DF220161DF220162DF24083139393030313032DF250131"); // DF22 twice
        assertReason("FF201EDF2108000E001200160021DF220161DF230162DF24083139393030313032"); // DF25 missing
        assertReason("FF2022DF2208000E001200160021DF220161DF230162DF24083139393030313032DF250131"); // DF21 missing
        assertReason("FF2023DF2108000E001200160021DF220161DF230162DF24083139393030313032DF250131"); // length overruns
    }

    @Test
    void utf8IsStrict() {
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF};
        byte[] file = BerTlv.encode(BasicInfoFile.TAG, BerTlv.encode(BasicInfoFile.TAG_OFFSETS, new byte[8]),
                BerTlv.encode(BasicInfoFile.TAG_NAME, overlong), BerTlv.encode(BasicInfoFile.TAG_ADDRESS, new byte[0]),
                BerTlv.encode(BasicInfoFile.TAG_BIRTH_DATE, "19900102".getBytes(StandardCharsets.US_ASCII)),
                BerTlv.encode(BasicInfoFile.TAG_SEX, new byte[] {'1'}));
        assertEquals(Reason.BASIC_INFO_MALFORMED, assertThrows(CardDataException.class, () -> BasicInfoFile.parse(file)).reason());
    }

    private static void assertReason(String hex) {
        CardDataException e = assertThrows(CardDataException.class, () -> BasicInfoFile.parse(Hex.parse(hex)), hex);
        assertEquals(Reason.BASIC_INFO_MALFORMED, e.reason());
    }
}
