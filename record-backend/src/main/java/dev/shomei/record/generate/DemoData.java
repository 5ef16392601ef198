package dev.shomei.record.generate;

import dev.shomei.record.RecordStore;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.importer.ImportedResident;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.store.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code demo-data}: the built-in municipalities, a few fixed demo residents whose My Numbers the
 * demo's virtual cards use, and synthetic residents around them. Idempotent: a second run adds
 * nothing. Everyone here is invented.
 */
public final class DemoData {
    /**
     * How many synthetic residents each participating built-in municipality gets by default: a few
     * thousand in all (three wards). The generator writes them in transactions of 1,000.
     */
    public static final int SYNTHETIC_PER_MUNICIPALITY = 1_000;
    private static final long SEED = 1;

    /** One fixed demo resident and what the demo shows with them. */
    public record DemoResident(MunicipalityCode municipality, MyNumber myNumber, String family, String given,
                               LocalDate birthDate, String sex, String shows) {
        @Override
        public String toString() {
            return "DemoResident[" + municipality + ", " + shows + "]";
        }
    }

    private static final MunicipalityCode BUNKYO = MunicipalityCode.of("131059");

    /** The matching virtual card of the first one is {@code ./shomei card new} with its defaults plus {@code --my-number}. */
    public static final List<DemoResident> RESIDENTS = List.of(
            new DemoResident(BUNKYO, myNumber("31415926535"), "番号", "花子", LocalDate.of(1985, 4, 1), "2",
                    "3 doses, passport on file: domestic and overseas certificates issue"),
            new DemoResident(BUNKYO, myNumber("27182818284"), "番号", "太郎", LocalDate.of(1980, 1, 1), "1",
                    "2 doses, no passport: overseas is refused (PASSPORT_INFO_MISSING)"),
            new DemoResident(BUNKYO, myNumber("16180339887"), "番号", "次郎", LocalDate.of(1975, 5, 5), "1",
                    "moved out after vaccination: Bunkyo still certifies its 2 doses"),
            new DemoResident(BUNKYO, myNumber("14142135623"), "番号", "三郎", LocalDate.of(1990, 9, 9), "1",
                    "no dose recorded: refused (NO_VACCINATION)"),
            new DemoResident(BUNKYO, myNumber("17320508075"), "番号", "四郎", LocalDate.of(1950, 7, 7), "1",
                    "7 doses, passport on file: certificates state doses 3-7 and that Bunkyo holds earlier records"),
            new DemoResident(BUNKYO, myNumber("22360679774"), "\uD842\uDFB7田", "髙子", LocalDate.of(1988, 8, 8), "2",
                    "a name in MJ characters (𠮷 outside the basic plane, 髙): prints as itself from the IPAmj font"));

    private final RecordStore store;
    private final ResidentImporter importer;

    public DemoData(RecordStore store, ResidentImporter importer) {
        this.store = store;
        this.importer = importer;
    }

    /** {@link #ensure(Path, int)} with {@value #SYNTHETIC_PER_MUNICIPALITY} synthetic residents per ward. */
    public int ensure(Path stateDir) {
        return ensure(stateDir, SYNTHETIC_PER_MUNICIPALITY);
    }

    /**
     * Creates what is missing (the first {@code syntheticPerMunicipality} synthetic residents of each
     * participating ward; the same seed gives the same people, so a larger count later only adds) and
     * writes {@code <state>/demo/backend-residents.txt}; returns residents added.
     */
    public int ensure(Path stateDir, int syntheticPerMunicipality) {
        for (Municipality municipality : BuiltInMunicipalities.all()) {
            store.ensureMunicipality(municipality, "OPERATOR", "demo-data");
        }
        int added = store.database().bulkWrite(tx -> importer.write(tx, BUNKYO, fixedResidents(), false).created());
        ResidentGenerator generator = new ResidentGenerator(store, importer);
        for (Municipality municipality : BuiltInMunicipalities.all()) {
            if (municipality.kioskParticipating()) {
                added += generator.generate(municipality.code(), syntheticPerMunicipality, SEED, "demo-data");
            }
        }
        writeGuide(stateDir.resolve("demo").resolve("backend-residents.txt"));
        writeCardList(stateDir.resolve("demo").resolve("cards.tsv"));
        return added;
    }

    private static List<ImportedResident> fixedResidents() {
        List<ImportedResident> residents = new ArrayList<>();
        int index = 0;
        for (DemoResident demo : RESIDENTS) {
            index++;
            boolean passport = index == 1 || index == 5;
            Resident resident = new Resident(Ids.random(), demo.municipality(), "DEMO-" + index,
                    index == 3 ? ResidentStatus.MOVED_OUT : ResidentStatus.ACTIVE, new PersonName(demo.family(), demo.given()),
                    new PersonName(index == 6 ? "ヨシダ" : "バンゴウ",
                            List.of("ハナコ", "タロウ", "ジロウ", "サブロウ", "シロウ", "タカコ").get(index - 1)),
                    passport ? new PersonName("BANGO", index == 1 ? "HANAKO" : "SHIRO") : null, demo.birthDate(), demo.sex(),
                    "東京都文京区春日一丁目１６番２１号", passport ? "JPN" : null,
                    passport ? (index == 1 ? "TK1234567" : "TK7320508") : null, false);
            int doses = switch (index) {
                case 1 -> 3;
                case 4 -> 0;
                case 5 -> 7;
                default -> 2;
            };
            residents.add(new ImportedResident(0, resident, demo.myNumber(), doses(doses)));
        }
        return residents;
    }

    private static List<Vaccination> doses(int count) {
        String[][] plan = {{"2021-06-01", "comirnaty", "FA5765"}, {"2021-06-22", "comirnaty", "FC3661"},
                {"2022-01-15", "spikevax", "3003322"}, {"2022-06-10", "comirnaty", "FJ5790"},
                {"2022-11-02", "comirnaty-ba45", "GK2749"}, {"2023-05-20", "spikevax-ba45", "3005601"},
                {"2023-09-25", "comirnaty-ba45", "HA1043"}};
        List<Vaccination> doses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            doses.add(new Vaccination(Ids.random(), i + 1, LocalDate.parse(plan[i][0]), plan[i][1],
                    plan[i][1].startsWith("spikevax") ? "モデルナ社" : "ファイザー社", plan[i][2], null));
        }
        return doses;
    }

    private static void writeGuide(Path file) {
        StringBuilder text = new StringBuilder("# Demo residents of the record backend (invented people).\n"
                + "# Make a matching virtual card, e.g. for the first one (the card's default name and birth date):\n"
                + "#   ./shomei card new --out state/demo/hanako.card --my-number " + RESIDENTS.getFirst().myNumber().digits()
                + "\n# municipality my_number birth_date name: what it shows\n");
        for (DemoResident demo : RESIDENTS) {
            text.append(demo.municipality()).append(' ').append(demo.myNumber().digits()).append(' ')
                    .append(demo.birthDate()).append(' ').append(demo.family()).append(' ').append(demo.given())
                    .append(": ").append(demo.shows()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }

    /**
     * The demo's virtual cards, one per line, for {@code ./shomei demo} to make with
     * {@code ./shomei card new}: file, My Number, name as on the card, birth date, sex, PIN, tries
     * left. The first resident also has a card with one PIN try left.
     */
    private static void writeCardList(Path file) {
        StringBuilder text = new StringBuilder("# file\tmy_number\tname\tbirth\tsex\tpin\ttries\n");
        List<String> files = List.of("1-ordinary-passport", "2-no-passport", "3-moved-out", "4-no-doses",
                "6-seven-doses", "7-mj-name");
        for (int i = 0; i < RESIDENTS.size(); i++) {
            text.append(cardLine(files.get(i), RESIDENTS.get(i), 3));
        }
        text.append(cardLine("5-one-pin-try-left", RESIDENTS.getFirst(), 1));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }

    private static String cardLine(String file, DemoResident resident, int tries) {
        return String.join("\t", file + ".json", resident.myNumber().digits(),
                resident.family() + "\u3000" + resident.given(), resident.birthDate().toString().replace("-", ""),
                resident.sex(), "1234", String.valueOf(tries)) + "\n";
    }

    private static MyNumber myNumber(String elevenDigits) {
        return MyNumber.of(elevenDigits + MyNumber.checkDigit(elevenDigits));
    }
}
