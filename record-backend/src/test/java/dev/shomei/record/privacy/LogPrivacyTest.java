package dev.shomei.record.privacy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.importer.ImportException;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the backend logs while issuing, refusing and importing holds ids and codes only. */
class LogPrivacyTest {
    @TempDir
    Path temp;

    @Test
    void logsAndExceptionMessagesCarryNoPersonalData() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                logged.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("dev.shomei");
        Level previous = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        List<String> messages = new CopyOnWriteArrayList<>();
        try (RecordStore store = RecordStore.open("jdbc:sqlite:" + temp.resolve("records.db"), temp.resolve("keys.p12"))) {
            BuiltInMunicipalities.all().forEach(m -> store.ensureMunicipality(m, "OPERATOR", "test"));
            store.database().write(tx -> {
                TenantCipher tenant = store.keyring().cipher(tx, TestData.BUNKYO);
                var resident = TestData.takatsukasa(TestData.BUNKYO);
                new ResidentRepository().insert(tx, tenant, resident, TestData.TAKATSUKASA_MY_NUMBER);
                new VaccinationRepository().insertAll(tx, tenant, resident.id(), TestData.doses(2));
                return null;
            });
            DevPki pki = DevPki.ensure(temp.resolve("pki"));
            IssuanceService service = new IssuanceService(store.database(), store.keyring(), store.audit(),
                    new QrCertificateSigner(IssuerKeySources.dev(pki, "https://127.0.0.1:8411")),
                    new CertificateContents(VaccineCatalog.standard()), Clock.systemUTC());
            service.issue(TestData.request("log-1", TestData.BUNKYO, TestData.TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                    CertificateType.OVERSEAS), "test");
            service.issue(TestData.request("log-1", TestData.BUNKYO, TestData.TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                    CertificateType.OVERSEAS), "test");
            for (var request : List.of(
                    TestData.request("log-2", TestData.SHINJUKU, TestData.TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC),
                    TestData.request("log-3", TestData.BUNKYO, TestData.TAKATSUKASA_MY_NUMBER, TestData.BIRTH.plusDays(3),
                            CertificateType.DOMESTIC))) {
                messages.add(assertThrows(ShomeiException.class, () -> service.issue(request, "test")).getMessage());
            }
            new IssuanceOutcomes(store.database(), store.audit(), Clock.systemUTC())
                    .update(new StatusUpdate("131059", "log-1", IssuanceStatus.PRINTED, null), "test");
            Path csv = temp.resolve("bad.csv");
            Files.writeString(csv, "atena_number,my_number,family_name,given_name,birth_date,sex,dose_number,vaccinated_on,"
                    + "product,lot_number\nZ-1," + TestData.TAKATSUKASA_MY_NUMBER.digits() + "," + TestData.FAMILY_KANJI
                    + "," + TestData.GIVEN_KANJI + ",1961-07-23,1,1,2021-06-01,comirnaty,FA1\nZ-2,"
                    + TestData.TAKATSUKASA_MY_NUMBER.digits() + ",x,y,1961-07-32,1,1,2021-06-01,comirnaty,FA1\n");
            ImportException refused = assertThrows(ImportException.class, () -> new ResidentImporter(store,
                    VaccineCatalog.standard(), Clock.systemUTC()).importFile(TestData.BUNKYO, csv, "test"));
            messages.add(refused.getMessage());
            messages.addAll(refused.problems());
        } finally {
            root.removeHandler(capture);
            root.setLevel(previous);
        }
        assertTrue(logged.stream().anyMatch(line -> line.contains("log-1")), "the issuance was logged (by id)");
        List<String> everything = new java.util.ArrayList<>(logged);
        everything.addAll(messages);
        for (String secret : List.of(TestData.FAMILY_KANJI, TestData.GIVEN_KANJI, TestData.FAMILY_ROMAN, TestData.GIVEN_ROMAN,
                TestData.ADDRESS, TestData.PASSPORT, TestData.TAKATSUKASA_MY_NUMBER.digits(), "1961-07-23", "1961-07-26")) {
            for (String line : everything) {
                assertFalse(line.contains(secret), "personal data in a log line or message: " + line.replace(secret, "<" + "?" + ">"));
            }
        }
    }
}
