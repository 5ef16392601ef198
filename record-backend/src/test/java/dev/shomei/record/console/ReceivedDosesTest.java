package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.record.domain.Vaccination;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sealed text of received doses reads back as written, and the transfer texts exist in both languages. */
class ReceivedDosesTest {
    @Test
    void dosesReadBackAsWrittenWithFreshIds() {
        List<Vaccination> doses = List.of(
                new Vaccination("a", 1, LocalDate.of(2021, 6, 1), "comirnaty", "ファイザー社", "FA1,\"2\"", "T-1"),
                new Vaccination("b", 2, LocalDate.of(2021, 6, 22), "spikevax", "モデルナ社", "3004667", null));
        AtomicInteger next = new AtomicInteger();
        List<Vaccination> read = ReceivedDoses.read(ReceivedDoses.write(doses), () -> "new-" + next.incrementAndGet());
        assertEquals(List.of(
                new Vaccination("new-1", 1, LocalDate.of(2021, 6, 1), "comirnaty", "ファイザー社", "FA1,\"2\"", "T-1"),
                new Vaccination("new-2", 2, LocalDate.of(2021, 6, 22), "spikevax", "モデルナ社", "3004667", null)), read);
        assertEquals(List.of(), ReceivedDoses.read(ReceivedDoses.write(List.of()), () -> "x"));
    }

    @Test
    void everyTransferTextIsInBothLanguages() throws Exception {
        Properties ja = new Properties();
        Properties en = new Properties();
        ja.load(new InputStreamReader(getClass().getResourceAsStream("/console/transfers_ja.properties"), StandardCharsets.UTF_8));
        en.load(new InputStreamReader(getClass().getResourceAsStream("/console/transfers_en.properties"), StandardCharsets.UTF_8));
        assertEquals(ja.keySet(), en.keySet());
    }
}
