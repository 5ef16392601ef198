package dev.shomei.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreenJsonTest {

    /** The line's fields as they are (the passport data on file too), plus the catalog's English names for the English screen. */
    @Test
    void theConfirmSummaryKeepsTheFieldsAndDateFormKioskJsReads() {
        CertificateSummary summary = new CertificateSummary("文京　花子", "BUNKYO HANAKO", LocalDate.of(1980, 4, 1),
                List.of(new DoseSummary(1, LocalDate.of(2021, 6, 1), "コミナティ", "ファイザー社", "FA1234"),
                        new DoseSummary(2, LocalDate.of(2021, 6, 22), "コミナティ", "ファイザー社", "FA5678")),
                "JPN", "TK1234567");
        String json = new ScreenJson(new ObjectMapper()).summary(summary).toString();
        assertEquals("{\"name\":\"文京　花子\",\"nameLatin\":\"BUNKYO HANAKO\",\"birthDate\":\"1980-04-01\",\"doses\":["
                + "{\"doseNumber\":1,\"date\":\"2021-06-01\",\"productName\":\"コミナティ\",\"manufacturer\":\"ファイザー社\",\"lot\":\"FA1234\","
                + "\"productNameEn\":\"COMIRNATY\",\"manufacturerEn\":\"Pfizer\"},"
                + "{\"doseNumber\":2,\"date\":\"2021-06-22\",\"productName\":\"コミナティ\",\"manufacturer\":\"ファイザー社\",\"lot\":\"FA5678\","
                + "\"productNameEn\":\"COMIRNATY\",\"manufacturerEn\":\"Pfizer\"}],"
                + "\"nationality\":\"JPN\",\"passportNumber\":\"TK1234567\"}",
                json);
    }
}
