package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.record.generate.DemoData;
import dev.shomei.record.generate.DemoData.DemoResident;
import java.io.IOException;
import java.nio.file.Path;

/** Virtual card files for the backend's fixed demo residents, made with {@code ./shomei card new}. */
final class DemoResidents {
    private DemoResidents() {
    }

    static DemoResident get(int index) {
        return DemoData.RESIDENTS.get(index);
    }

    /** The card's name as the card stores it: family and given name separated by U+3000. */
    static String cardName(DemoResident resident) {
        return resident.family() + "\u3000" + resident.given();
    }

    static Path card(Launcher launcher, DemoResident resident, String pin, int tries) throws IOException, InterruptedException {
        Path file = launcher.state().resolve("cards").resolve(resident.myNumber().digits().substring(8) + ".json");
        Launcher.Result result = launcher.run(SystemStack.COMMAND_TIMEOUT, "card", "new", "--out", file.toString(),
                "--my-number", resident.myNumber().digits(), "--name", cardName(resident),
                "--birth", resident.birthDate().toString().replace("-", ""), "--sex", resident.sex(),
                "--pin", pin, "--tries", String.valueOf(tries));
        assertEquals(0, result.exitCode(), () -> "card new failed: " + result.stderr());
        return file;
    }
}
