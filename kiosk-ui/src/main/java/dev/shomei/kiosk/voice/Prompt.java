package dev.shomei.kiosk.voice;

import dev.shomei.protocol.Language;
import java.util.Objects;

/**
 * One sentence the kiosk says: a fixed prompt, or one with non-personal numbers (fee, tries, seconds).
 * Never a name, a birth date or anything else of the resident. The Japanese text is a kana reading
 * (eSpeak NG's Japanese voice reads kana, not kanji).
 */
public record Prompt(Language language, String text) {
    public Prompt {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(text, "text");
    }

    /** The eSpeak NG voice for the language. */
    public String voice() {
        return language == Language.EN ? "en-us" : "ja";
    }
}
