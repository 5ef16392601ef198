package dev.shomei.kiosk.session;

import dev.shomei.card.data.BasicInfoFile;
import dev.shomei.card.data.BerTlv;
import dev.shomei.card.data.CardDataException;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The municipality of the card's address (EF 0002, DF23), offered first as a shortcut on the
 * chooser. Works on the card's bytes in place: the address never becomes a String, is not copied,
 * logged or kept; only the matching municipality's code leaves this class.
 *
 * <p>An address starts with the prefecture, then (for towns and villages) the district, 〇〇郡, then
 * the municipality: 東京都文京区…, 北海道上川郡東神楽町…, 北海道札幌市中央区… (a designated city's ward
 * follows its city, which is what issues). The longest municipality name that fits wins.
 */
final class HomeMunicipality {
    private static final byte[] GUN = "郡".getBytes(StandardCharsets.UTF_8);
    /** How far after the prefecture a 郡 may end: district names are at most a few characters. */
    private static final int GUN_WITHIN_BYTES = 8 * 3;

    private HomeMunicipality() {
    }

    /** The code of the municipality the address names, or null when none of {@code list} fits. */
    static String of(byte[] ef0002, List<MunicipalityInfo> list) {
        BerTlv address;
        try {
            address = addressField(ef0002);
        } catch (CardDataException e) {
            return null;
        }
        if (address == null) {
            return null;
        }
        String best = null;
        int bestLength = 0;
        for (MunicipalityInfo m : list) {
            String prefecture = Prefectures.nameJa(m.prefectureCode());
            if (prefecture == null) {
                continue;
            }
            byte[] prefix = prefecture.getBytes(StandardCharsets.UTF_8);
            if (!startsWith(ef0002, address.valueOffset(), address.end(), prefix)) {
                continue;
            }
            byte[] name = m.nameJa().getBytes(StandardCharsets.UTF_8);
            if (name.length > bestLength && namedAfterPrefecture(ef0002, address.valueOffset() + prefix.length,
                    address.end(), name)) {
                best = m.code();
                bestLength = name.length;
            }
        }
        return best;
    }

    private static boolean namedAfterPrefecture(byte[] buffer, int at, int end, byte[] name) {
        if (startsWith(buffer, at, end, name)) {
            return true;
        }
        for (int i = at; i < Math.min(end, at + GUN_WITHIN_BYTES); i++) {
            // 郡's UTF-8 starts with a lead byte, so a match here is always on a character boundary
            if (startsWith(buffer, i, end, GUN) && startsWith(buffer, i + GUN.length, end, name)) {
                return true;
            }
        }
        return false;
    }

    private static BerTlv addressField(byte[] ef0002) {
        BasicInfoFile.SignedPart part = BasicInfoFile.signedPart(ef0002);
        int at = part.from();
        while (at < part.to()) {
            BerTlv tlv = BerTlv.read(ef0002, at, part.to(), CardDataException.Reason.BASIC_INFO_MALFORMED);
            if (tlv.tag() == BasicInfoFile.TAG_ADDRESS) {
                return tlv;
            }
            at = tlv.end();
        }
        return null;
    }

    private static boolean startsWith(byte[] buffer, int at, int end, byte[] prefix) {
        if (at < 0 || end - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
