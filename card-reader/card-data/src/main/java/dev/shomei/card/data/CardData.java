package dev.shomei.card.data;

import java.util.Objects;

/**
 * EF 0001 and EF 0002 parsed but NOT verified: what the kiosk may show while the center checks the
 * signature. {@link #toString()} shows nothing personal.
 */
public record CardData(MyNumber myNumber, BasicInfo basicInfo) {
    public CardData {
        Objects.requireNonNull(myNumber, "myNumber");
        Objects.requireNonNull(basicInfo, "basicInfo");
    }

    /**
     * Parses both files.
     *
     * @throws CardDataException when either is malformed
     */
    public static CardData parse(CardFiles files) {
        MyNumber myNumber = MyNumberFile.parse(files.ef0001());
        try {
            return new CardData(myNumber, BasicInfoFile.parse(files.ef0002()));
        } catch (CardDataException e) {
            myNumber.wipe();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "CardData[myNumber=" + myNumber + ", " + basicInfo + "]";
    }
}
