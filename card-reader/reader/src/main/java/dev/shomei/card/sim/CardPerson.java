package dev.shomei.card.sim;

import dev.shomei.card.data.BasicInfo;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import java.time.LocalDate;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The person a virtual card is personalised for. {@code kana} is not on the card (EF 0002 holds no
 * reading); the card file keeps it for demo data. {@link #toString()} shows nothing personal.
 */
public record CardPerson(MyNumber myNumber, String name, String kana, String address, LocalDate birthDate, Sex sex) {
    public static final String DEFAULT_NAME = "番号\u3000花子";
    public static final String DEFAULT_KANA = "バンゴウ\u3000ハナコ";
    public static final String DEFAULT_ADDRESS = "東京都文京区春日一丁目１６番２１号";
    public static final LocalDate DEFAULT_BIRTH_DATE = LocalDate.of(1985, 4, 1);

    public CardPerson {
        Objects.requireNonNull(myNumber, "myNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
    }

    /** The demo person with a freshly generated valid My Number. */
    public static CardPerson sample(RandomGenerator random) {
        return new CardPerson(MyNumber.generate(random), DEFAULT_NAME, DEFAULT_KANA, DEFAULT_ADDRESS,
                DEFAULT_BIRTH_DATE, Sex.FEMALE);
    }

    public BasicInfo basicInfo() {
        return new BasicInfo(name, address, birthDate, sex);
    }

    @Override
    public String toString() {
        return "CardPerson[myNumber=" + myNumber + ", name=***, kana=***, address=***, birthDate=***, sex=***]";
    }
}
