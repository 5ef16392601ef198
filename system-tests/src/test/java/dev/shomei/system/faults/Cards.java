package dev.shomei.system.faults;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.generate.DemoData;
import dev.shomei.record.generate.DemoData.DemoResident;
import java.nio.file.Files;
import java.nio.file.Path;

/** Virtual My Number cards for the backend's fixed demo residents, signed by the dev J-LIS key of the stack's PKI. */
final class Cards {
    static final String PIN = "1234";
    /** Hanako: Bunkyo, three doses, passport data: every certificate type works for her. */
    static final int HANAKO = 0;

    private Cards() {
    }

    static DemoResident resident(int index) {
        return DemoData.RESIDENTS.get(index);
    }

    static String name(DemoResident resident) {
        return resident.family() + "\u3000" + resident.given();
    }

    static CardPerson person(DemoResident resident) {
        return new CardPerson(MyNumber.parse(resident.myNumber().digits()), name(resident), null,
                "東京都文京区春日一丁目１６番２１号", resident.birthDate(), Sex.ofCode(resident.sex().charAt(0)));
    }

    static CardFactory factory(DevPki pki) {
        return new CardFactory(pki.jlisDevKey(), KeyId.parse(DevPki.JLIS_DEV_KEY_ID));
    }

    /** A fresh card file (PIN 1234, 3 tries) for demo resident {@code index}. */
    static Path file(DevPki pki, int index, Path file) throws Exception {
        VirtualCardFile card = factory(pki).personalise(person(resident(index)), PIN, 3);
        Files.createDirectories(file.getParent());
        card.write(file);
        return file;
    }
}
