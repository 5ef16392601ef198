package dev.shomei.card.testing;

import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import java.time.LocalDate;

/** One throw-away J-LIS CA and signer for the whole test JVM (RSA key generation is slow). */
public final class TestCards {
    public static final String MY_NUMBER = "123456789018";
    public static final String NAME = "試験\u3000𠮷子";
    public static final String ADDRESS = "東京都文京区春日一丁目１６番２１号";
    public static final LocalDate BIRTH = LocalDate.of(1990, 2, 28);
    public static final String PIN = "4321";

    private static CardFactory factory;

    private TestCards() {
    }

    public static synchronized CardFactory factory() {
        if (factory == null) {
            factory = CardFactory.inMemory();
        }
        return factory;
    }

    public static CardPerson person() {
        return new CardPerson(MyNumber.parse(MY_NUMBER), NAME, "シケン\u3000ヨシコ", ADDRESS, BIRTH, Sex.FEMALE);
    }
}
