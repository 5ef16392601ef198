package dev.shomei.card.data;

/** Sex as EF 0002 stores it: one ASCII digit of JIS X 0303. */
public enum Sex {
    UNKNOWN('0'),
    MALE('1'),
    FEMALE('2'),
    NOT_APPLICABLE('9');

    private final char code;

    Sex(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /**
     * @throws IllegalArgumentException for any other digit or character
     */
    public static Sex ofCode(char code) {
        for (Sex sex : values()) {
            if (sex.code == code) {
                return sex;
            }
        }
        throw new IllegalArgumentException("sex code must be 0, 1, 2 or 9");
    }
}
