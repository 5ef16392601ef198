package dev.shomei.card.data;

import dev.shomei.card.data.CardDataException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * EF 0002, the basic 4 info:
 * <pre>
 * FF 20 len
 *   DF 21 08  four 2-byte offsets of DF22..DF25 in the file
 *   DF 22 n   name, UTF-8            DF 23 n   address, UTF-8
 *   DF 24 08  birth date YYYYMMDD    DF 25 01  sex, one ASCII digit
 * </pre>
 * DF21 is not covered by the signature (EF 0003 hashes DF22 to the end of the FF20 value), so the
 * parser never uses it: the fields are found by walking the TLVs. A tampered DF21 changes nothing.
 */
public final class BasicInfoFile {
    public static final int TAG = 0xFF20;
    public static final int TAG_OFFSETS = 0xDF21;
    public static final int TAG_NAME = 0xDF22;
    public static final int TAG_ADDRESS = 0xDF23;
    public static final int TAG_BIRTH_DATE = 0xDF24;
    public static final int TAG_SEX = 0xDF25;
    /** The smallest well-formed EF 0002 (empty name and address): the first READ may ask this much. */
    public static final int MINIMUM_SIZE = 3 + 11 + 3 + 3 + 11 + 4;

    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** The byte range of EF 0002 that EF 0003's DF32 hashes. */
    public record SignedPart(int from, int to) {
        public int length() {
            return to - from;
        }
    }

    private BasicInfoFile() {
    }

    /**
     * Where the signed part is: from the end of the DF21 TLV to the end of the FF20 value.
     *
     * @throws CardDataException {@code BASIC_INFO_MALFORMED}
     */
    public static SignedPart signedPart(byte[] ef0002) {
        Reason reason = Reason.BASIC_INFO_MALFORMED;
        BerTlv outer = BerTlv.expect(TAG, ef0002, 0, ef0002 == null ? 0 : ef0002.length, reason);
        BerTlv offsets = BerTlv.expect(TAG_OFFSETS, ef0002, outer.valueOffset(), outer.end(), reason);
        return new SignedPart(offsets.end(), outer.end());
    }

    /**
     * @throws CardDataException {@code BASIC_INFO_MALFORMED}
     */
    public static BasicInfo parse(byte[] ef0002) {
        Reason reason = Reason.BASIC_INFO_MALFORMED;
        SignedPart part = signedPart(ef0002);
        BerTlv name = null;
        BerTlv address = null;
        BerTlv birth = null;
        BerTlv sex = null;
        int at = part.from();
        while (at < part.to()) {
            BerTlv tlv = BerTlv.read(ef0002, at, part.to(), reason);
            switch (tlv.tag()) {
                case TAG_NAME -> name = once(name, tlv);
                case TAG_ADDRESS -> address = once(address, tlv);
                case TAG_BIRTH_DATE -> birth = once(birth, tlv);
                case TAG_SEX -> sex = once(sex, tlv);
                default -> {
                    // other tags inside the signed part are signed too; the 4 info do not need them
                }
            }
            at = tlv.end();
        }
        if (name == null || address == null || birth == null || sex == null) {
            throw new CardDataException(reason, "one of DF22, DF23, DF24, DF25 is missing");
        }
        return new BasicInfo(
                utf8(ef0002, name, "DF22"),
                utf8(ef0002, address, "DF23"),
                birthDate(ef0002, birth),
                sex(ef0002, sex));
    }

    /** Encodes EF 0002 for a virtual card, with DF21 pointing at the tag of each field. */
    public static byte[] encode(BasicInfo info) {
        byte[] name = BerTlv.encode(TAG_NAME, info.name().getBytes(StandardCharsets.UTF_8));
        byte[] address = BerTlv.encode(TAG_ADDRESS, info.address().getBytes(StandardCharsets.UTF_8));
        byte[] birth = BerTlv.encode(TAG_BIRTH_DATE, info.birthDate().format(BIRTH_DATE).getBytes(StandardCharsets.US_ASCII));
        byte[] sex = BerTlv.encode(TAG_SEX, new byte[] {(byte) info.sex().code()});
        int fields = name.length + address.length + birth.length + sex.length;
        int offsetsTlv = 2 + 1 + 8;
        int header = BerTlv.headerLength(TAG, offsetsTlv + fields);
        int first = header + offsetsTlv;
        ByteBuffer offsets = ByteBuffer.allocate(8);
        offsets.putShort((short) first);
        offsets.putShort((short) (first + name.length));
        offsets.putShort((short) (first + name.length + address.length));
        offsets.putShort((short) (first + name.length + address.length + birth.length));
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        value.writeBytes(BerTlv.encode(TAG_OFFSETS, offsets.array()));
        value.writeBytes(name);
        value.writeBytes(address);
        value.writeBytes(birth);
        value.writeBytes(sex);
        return BerTlv.encode(TAG, value.toByteArray());
    }

    private static BerTlv once(BerTlv seen, BerTlv tlv) {
        if (seen != null) {
            throw new CardDataException(Reason.BASIC_INFO_MALFORMED, String.format("tag %X appears twice", tlv.tag()));
        }
        return tlv;
    }

    private static String utf8(byte[] file, BerTlv tlv, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file, tlv.valueOffset(), tlv.valueLength()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CardDataException(Reason.BASIC_INFO_MALFORMED, what + " is not valid UTF-8");
        }
    }

    private static LocalDate birthDate(byte[] file, BerTlv tlv) {
        if (tlv.valueLength() != 8) {
            throw new CardDataException(Reason.BASIC_INFO_MALFORMED, "DF24 has " + tlv.valueLength() + " bytes, not 8");
        }
        char[] chars = new char[8];
        for (int i = 0; i < 8; i++) {
            byte b = file[tlv.valueOffset() + i];
            if (b < '0' || b > '9') {
                throw new CardDataException(Reason.BASIC_INFO_MALFORMED, "DF24 is not 8 ASCII digits");
            }
            chars[i] = (char) b;
        }
        try {
            return LocalDate.parse(new String(chars), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            throw new CardDataException(Reason.BASIC_INFO_MALFORMED, "DF24 is not a calendar date");
        }
    }

    private static Sex sex(byte[] file, BerTlv tlv) {
        if (tlv.valueLength() != 1) {
            throw new CardDataException(Reason.BASIC_INFO_MALFORMED, "DF25 has " + tlv.valueLength() + " bytes, not 1");
        }
        try {
            return Sex.ofCode((char) (file[tlv.valueOffset()] & 0xFF));
        } catch (IllegalArgumentException e) {
            throw new CardDataException(Reason.BASIC_INFO_MALFORMED, "DF25 is not 0, 1, 2 or 9");
        }
    }
}
