package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTextAndAttributeValues() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                Html.escape("<script>alert('x')</script> & \"q\""));
        assertEquals("", Html.escape(null));
        String html = new Html().element("a", "<b>", "href", "/x?a=1&b=\"2\"", "title", null).toString();
        assertEquals("<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;</a>", html);
    }

    @Test
    void tagAndAttributeNamesAreConstantsNeverInput() {
        assertThrows(IllegalArgumentException.class, () -> new Html().open("a onclick=alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> new Html().open("a", "on click", "x"));
        assertThrows(IllegalArgumentException.class, () -> new Html().open("a", "href"));
    }

    @Test
    void theExportEndsWithTheAmountChargedEmptyWhenNoneWasReported() {
        java.time.Instant at = java.time.Instant.parse("2026-01-05T01:00:00Z");
        IssuanceRow printed = new IssuanceRow("C1", at, dev.shomei.protocol.CertificateType.DOMESTIC,
                dev.shomei.record.domain.Channel.KIOSK, "K0001", dev.shomei.protocol.backend.IssuanceStatus.PRINTED, at,
                null, "tx-1", 2, 240, "r1", "000000001", 240);
        IssuanceRow reconciled = new IssuanceRow("C2", at, dev.shomei.protocol.CertificateType.DOMESTIC,
                dev.shomei.record.domain.Channel.KIOSK, "K0001", dev.shomei.protocol.backend.IssuanceStatus.VOIDED, at,
                "NO_OUTCOME", "tx-2", 1, 120, "r1", "000000001", null);
        String[] lines = new String(ExportPage.IssuanceCsv.write(java.util.List.of(printed, reconciled)),
                java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertEquals(true, lines[0].endsWith(",fee_total_yen,atena_number,charged_yen"), lines[0]);
        assertEquals(true, lines[1].endsWith(",240,000000001,240"), lines[1]);
        assertEquals(true, lines[2].endsWith(",120,000000001,"), lines[2]);
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertEquals("plain", ExportPage.IssuanceCsv.cell("plain"));
        assertEquals("\"a,b\"", ExportPage.IssuanceCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ExportPage.IssuanceCsv.cell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", ExportPage.IssuanceCsv.cell("=HYPERLINK(1)"));
        assertEquals("'+1", ExportPage.IssuanceCsv.cell("+1"));
    }

    @Test
    void onlyLocalPathsAreRedirectTargets() {
        assertEquals(true, LocalPaths.isLocal("/issuances?search=1&status=PRINTED"));
        assertEquals(false, LocalPaths.isLocal("//evil.example/"));
        assertEquals(false, LocalPaths.isLocal("https://evil.example/"));
        assertEquals(false, LocalPaths.isLocal("/\\evil.example"));
        assertEquals(false, LocalPaths.isLocal("/a/../b"));
        assertEquals(false, LocalPaths.isLocal(null));
    }

    @Test
    void bothLanguagesHaveEveryText() throws Exception {
        java.util.Properties ja = new java.util.Properties();
        java.util.Properties en = new java.util.Properties();
        ja.load(new java.io.InputStreamReader(HtmlTest.class.getResourceAsStream("/console/messages_ja.properties"),
                java.nio.charset.StandardCharsets.UTF_8));
        en.load(new java.io.InputStreamReader(HtmlTest.class.getResourceAsStream("/console/messages_en.properties"),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(ja.keySet(), en.keySet());
        java.util.Properties recordsJa = new java.util.Properties();
        java.util.Properties recordsEn = new java.util.Properties();
        recordsJa.load(new java.io.InputStreamReader(HtmlTest.class.getResourceAsStream("/console/records_ja.properties"),
                java.nio.charset.StandardCharsets.UTF_8));
        recordsEn.load(new java.io.InputStreamReader(HtmlTest.class.getResourceAsStream("/console/records_en.properties"),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(recordsJa.keySet(), recordsEn.keySet());
        assertEquals(java.util.Set.of(), recordsJa.keySet().stream().filter(ja::containsKey)
                .collect(java.util.stream.Collectors.toSet()), "the record work's texts do not override the console's");
        assertEquals("12件", Lang.JA.t("search.count", 12));
        assertEquals("12 found", Lang.EN.t("search.count", 12));
    }
}
