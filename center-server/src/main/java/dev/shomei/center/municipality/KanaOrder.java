package dev.shomei.center.municipality;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * Gojūon order of readings, as Japanese lists sort: さっぽろし before さつま (small っ sorts as つ),
 * は before ば before ぱ, then ひ. The JDK's Japanese collator does exactly this (measured in
 * KanaOrderTest), so no table is written here.
 */
public final class KanaOrder {
    private KanaOrder() {
    }

    /** Compares readings in hiragana. */
    public static Comparator<String> readings() {
        Collator collator = Collator.getInstance(Locale.JAPANESE);
        collator.setStrength(Collator.TERTIARY);
        return collator::compare;
    }
}
