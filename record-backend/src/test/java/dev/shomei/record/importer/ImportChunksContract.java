package dev.shomei.record.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The importer looks residents up and writes new ones {@value ResidentImporter#CHUNK} at a time; each row must
 * still see the rows before it as written, within a chunk and across chunks. Run on SQLite and PostgreSQL.
 */
abstract class ImportChunksContract {
    private static final LocalDate BIRTH = LocalDate.of(1980, 1, 1);

    @TempDir
    Path temp;
    RecordStore store;
    ResidentImporter importer;
    final ResidentRepository residents = new ResidentRepository();

    /** A JDBC URL of an empty database for one test. */
    protected abstract String newDatabaseUrl();

    @BeforeEach
    void open() {
        store = RecordStore.open(newDatabaseUrl(), temp.resolve("keys.p12"));
        store.ensureMunicipality(BuiltInMunicipalities.find(TestData.BUNKYO).orElseThrow(), "OPERATOR", "test");
        importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static MyNumber number(int i) {
        return TestData.myNumber(String.format("%011d", 30_000_000_000L + i));
    }

    private static ImportedResident newResident(int i, MyNumber myNumber) {
        return newResident(TestData.BUNKYO, i, myNumber);
    }

    private static ImportedResident newResident(MunicipalityCode municipality, int i, MyNumber myNumber) {
        AlternativeName name = i % 3 == 0 ? new AlternativeName(AlternativeName.Kind.FORMER_SURNAME, "佐藤", "SATO") : null;
        return new ImportedResident(i + 1, TestData.plain(municipality, "C-" + i, BIRTH.plusDays(i)), myNumber,
                TestData.doses(1 + i % 3), name);
    }

    /** {@code count} new residents, numbered from {@code first}, each with My Number {@code number(i)}. */
    private static List<ImportedResident> newResidents(int first, int count) {
        List<ImportedResident> batch = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            batch.add(newResident(i, number(i)));
        }
        return batch;
    }

    private ResidentImporter.Report write(List<ImportedResident> batch, boolean replace) {
        return write(TestData.BUNKYO, batch, replace);
    }

    private ResidentImporter.Report write(MunicipalityCode municipality, List<ImportedResident> batch, boolean replace) {
        return store.database().bulkWrite(tx -> importer.write(tx, municipality, batch, replace));
    }

    private <T> T read(ReadWork<T> work) {
        return store.database().read(tx -> work.read(tx, store.keyring().cipher(tx, TestData.BUNKYO)));
    }

    private interface ReadWork<T> {
        T read(Tx tx, TenantCipher tenant) throws java.sql.SQLException;
    }

    private Optional<Resident> holderOf(MyNumber myNumber) {
        return read((tx, tenant) -> residents.findForIssue(tx, tenant, myNumber).map(ResidentRepository.ForIssue::resident));
    }

    private long count(String table) {
        return store.database().read(tx -> tx.queryLong("SELECT count(*) FROM " + table));
    }

    @Test
    void moreResidentsThanOneChunkAreAllWrittenWithTheirNumbersDosesAndNames() {
        int total = 2 * ResidentImporter.CHUNK + 7;
        List<ImportedResident> batch = newResidents(0, total);

        ResidentImporter.Report report = write(batch, true);

        assertEquals(total, report.created());
        int doses = batch.stream().mapToInt(r -> r.doses().size()).sum();
        assertEquals(doses, report.doses());
        assertEquals(total, count("resident"));
        assertEquals(total, count("my_number"));
        assertEquals(doses, count("vaccination"));
        assertEquals(batch.stream().filter(r -> r.alternativeName() != null).count(), count("resident_alternative_name"));
        for (int i : new int[] {0, ResidentImporter.CHUNK - 1, ResidentImporter.CHUNK, total - 1}) {
            ImportedResident wanted = batch.get(i);
            Resident held = holderOf(wanted.myNumber()).orElseThrow();
            assertEquals(wanted.resident(), held, "resident " + i + " under its own My Number");
            assertEquals(wanted.doses(), read((tx, tenant) -> new VaccinationRepository().list(tx, tenant, held.id())));
            assertEquals(Optional.ofNullable(wanted.alternativeName()),
                    read((tx, tenant) -> new AlternativeNameRepository().find(tx, tenant, held.id())));
        }
    }

    @Test
    void theSameResidentsAgainAcrossChunksChangeNothing() {
        int total = ResidentImporter.CHUNK + 3;
        write(newResidents(0, total), true);

        ResidentImporter.Report again = write(newResidents(0, total), true);

        assertEquals(0, again.created());
        assertEquals(total, again.unchanged());
        assertEquals(total, count("resident"));
    }

    @Test
    void changesAcrossChunksAreWrittenAndEveryOtherResidentIsLeftAlone() {
        int total = ResidentImporter.CHUNK + 3;
        write(newResidents(0, total), true);
        List<ImportedResident> again = new ArrayList<>(newResidents(0, total));
        ImportedResident named = again.get(3);
        again.set(3, new ImportedResident(4, named.resident(), named.myNumber(), named.doses(), null));
        ImportedResident twoDoses = again.get(10);
        again.set(10, new ImportedResident(11, twoDoses.resident(), twoDoses.myNumber(), twoDoses.doses().subList(0, 1)));
        ImportedResident last = again.get(total - 1);
        again.set(total - 1, newResident(total - 1, number(888_888)));

        ResidentImporter.Report report = write(again, true);

        assertEquals(3, report.replaced());
        assertEquals(total - 3, report.unchanged());
        String nameless = holderOf(named.myNumber()).orElseThrow().id();
        assertEquals(Optional.empty(), read((tx, tenant) -> new AlternativeNameRepository().find(tx, tenant, nameless)));
        String oneDose = holderOf(twoDoses.myNumber()).orElseThrow().id();
        assertEquals(1, read((tx, tenant) -> new VaccinationRepository().list(tx, tenant, oneDose)).size());
        assertEquals(Optional.empty(), holderOf(last.myNumber()));
        assertEquals("C-" + (total - 1), holderOf(number(888_888)).orElseThrow().atenaNumber());
    }

    /** The chunk's lookups, like the single ones, see one municipality only. */
    @Test
    void anotherMunicipalitysResidentsAreNeitherFoundNorChanged() {
        store.ensureMunicipality(BuiltInMunicipalities.find(TestData.SHINJUKU).orElseThrow(), "OPERATOR", "test");
        List<ImportedResident> inShinjuku = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inShinjuku.add(newResident(TestData.SHINJUKU, i, number(i)));
        }
        write(TestData.SHINJUKU, inShinjuku, true);

        ResidentImporter.Report inBunkyo = write(newResidents(0, 3), true);

        assertEquals(3, inBunkyo.created(), "the same atena numbers and My Numbers are new in Bunkyo");
        assertEquals(6, count("resident"));
        assertEquals(TestData.SHINJUKU, read((tx, tenant) -> residents.findForIssue(tx,
                        store.keyring().cipher(tx, TestData.SHINJUKU), number(0)).map(ResidentRepository.ForIssue::resident))
                .orElseThrow().municipality());
    }

    /** Resident 0 gives up number(0) for a new one; a new resident in a later row (same chunk or a later one) takes it. */
    @ParameterizedTest
    @ValueSource(ints = {1, ResidentImporter.CHUNK + 1})
    void aMyNumberGivenUpEarlierInTheFileMayGoToANewResident(int rowOfTheNewResident) {
        write(newResidents(0, 1), true);
        List<ImportedResident> batch = new ArrayList<>();
        batch.add(newResident(0, number(999_999)));
        batch.addAll(newResidents(1, rowOfTheNewResident - 1));
        batch.add(newResident(rowOfTheNewResident, number(0)));

        ResidentImporter.Report report = write(batch, true);

        assertEquals(1, report.replaced());
        assertEquals(rowOfTheNewResident, report.created());
        assertEquals("C-0", holderOf(number(999_999)).orElseThrow().atenaNumber());
        assertEquals("C-" + rowOfTheNewResident, holderOf(number(0)).orElseThrow().atenaNumber());
    }

    /** The same two rows the other way round: number(0) is still held when the new resident's row comes. */
    @ParameterizedTest
    @ValueSource(ints = {1, ResidentImporter.CHUNK + 1})
    void aMyNumberStillHeldWhenItsRowComesRefusesTheImport(int rowOfTheHolder) {
        write(newResidents(0, 1), true);
        List<ImportedResident> batch = new ArrayList<>();
        batch.add(newResident(rowOfTheHolder, number(0)));
        batch.addAll(newResidents(1, rowOfTheHolder - 1));
        batch.add(newResident(0, number(999_999)));

        ImportException refused = assertThrows(ImportException.class, () -> write(batch, true));

        assertTrue(refused.getMessage().contains("line " + (rowOfTheHolder + 1) + ": my_number: already recorded"),
                refused.getMessage());
        assertEquals(1, count("resident"), "nothing written");
        assertEquals("C-0", holderOf(number(0)).orElseThrow().atenaNumber());
    }

    /** The generator (no replace) skips what is held, including what its own batch added a moment before. */
    @Test
    void withoutReplaceAnAtenaNumberOrMyNumberGivenTwiceIsSkipped() {
        List<ImportedResident> batch = new ArrayList<>(newResidents(0, 3));
        batch.add(newResident(1, number(500))); // atena C-1 again
        batch.add(newResident(7, number(2))); // number(2) again

        ResidentImporter.Report report = write(batch, false);

        assertEquals(3, report.created());
        assertEquals(3, count("resident"));
        assertEquals(3, count("my_number"));
    }

    /** A caller (not a file) may name a resident twice: the second row replaces what the first wrote. */
    @Test
    void withReplaceTheSecondRowOfAResidentReplacesTheFirst() {
        ImportedResident first = newResident(3, number(3)); // with an alternative name
        Resident renamed = TestData.plain(TestData.BUNKYO, "C-3", BIRTH.minusYears(1));
        ImportedResident second = new ImportedResident(2, renamed, number(3), TestData.doses(2));

        ResidentImporter.Report report = write(List.of(first, second), true);

        assertEquals(1, report.created());
        assertEquals(1, report.replaced());
        Resident held = holderOf(number(3)).orElseThrow();
        assertEquals(first.resident().id(), held.id(), "the first row's id stays");
        assertEquals(BIRTH.minusYears(1), held.birthDate());
        assertEquals(2, count("vaccination"));
        assertEquals(0, count("resident_alternative_name"), "the second row has none");
    }
}
