package dev.shomei.kiosk.voice;

/**
 * Reads a number aloud in kana ("せんにひゃく") for eSpeak NG's Japanese voice, which speaks Arabic
 * digits one by one. Hand-written: no Debian or Maven library reads Japanese numbers; 0..99,999
 * covers every fee, count and second the kiosk says.
 */
final class KanaNumber {
    private static final String[] DIGITS = {"", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"};

    private KanaNumber() {
    }

    static String of(int n) {
        if (n < 0 || n > 99_999) {
            throw new IllegalArgumentException("0..99999");
        }
        if (n == 0) {
            return "ぜろ";
        }
        StringBuilder out = new StringBuilder();
        int man = n / 10_000;
        if (man > 0) {
            out.append(DIGITS[man]).append("まん");
        }
        out.append(place(n / 1000 % 10, "せん", "", "さんぜん", "はっせん"));
        out.append(place(n / 100 % 10, "ひゃく", "", "さんびゃく", "はっぴゃく", "ろっぴゃく"));
        out.append(place(n / 10 % 10, "じゅう", "", null, null));
        out.append(DIGITS[n % 10]);
        return out.toString();
    }

    /** One place: 1 is the bare unit; 3, 6 and 8 change their sound before some units. */
    private static String place(int digit, String unit, String one, String three, String eight) {
        return place(digit, unit, one, three, eight, null);
    }

    private static String place(int digit, String unit, String one, String three, String eight, String six) {
        return switch (digit) {
            case 0 -> "";
            case 1 -> one + unit;
            case 3 -> three != null ? three : DIGITS[3] + unit;
            case 6 -> six != null ? six : DIGITS[6] + unit;
            case 8 -> eight != null ? eight : DIGITS[8] + unit;
            default -> DIGITS[digit] + unit;
        };
    }
}
