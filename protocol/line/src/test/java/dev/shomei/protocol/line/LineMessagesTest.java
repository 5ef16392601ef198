package dev.shomei.protocol.line;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The records validate their fields, keep their own copies and never print personal data. */
class LineMessagesTest {

    @Test
    void helloValidatesTerminalIdAndFirmwareVersion() {
        rejects("terminalId", () -> new Hello("", "1.0"));
        rejects("terminalId", () -> new Hello("kiosk 1", "1.0"));
        rejects("terminalId", () -> new Hello("k".repeat(65), "1.0"));
        rejects("terminalId", () -> new Hello("キオスク", "1.0"));
        rejects("firmwareVersion", () -> new Hello("KIOSK-1", " "));
        rejects("firmwareVersion", () -> new Hello("KIOSK-1", "1.0\n"));
        assertEquals("k".repeat(64), new Hello("k".repeat(64), "1.0.0 (build 7)").terminalId());
    }

    @Test
    void ackNeedsATypeOtherThanAck() {
        rejects("acknowledged", () -> new Ack(MessageType.ACK, ""));
        rejects("transactionId", () -> new Ack(MessageType.PRINT_OUTCOME, "tx 1"));
        assertEquals("", Ack.of(MessageType.HEARTBEAT).transactionId());
    }

    @Test
    void refusalDetailIsOptionalAndNonNegative() {
        rejects("detail", () -> new Refusal("", ErrorCode.INTERNAL, OptionalInt.of(-1)));
        assertTrue(new Refusal("", ErrorCode.TERMINAL_DISABLED).detail().isEmpty());
        assertThrows(NullPointerException.class, () -> new Refusal("", null));
    }

    @Test
    void heartbeatChecksRangesAndKeepsWholeMilliseconds() {
        Instant at = Instant.parse("2026-04-01T09:30:00.123456789Z");
        Heartbeat hb = new Heartbeat(TerminalState.IDLE, 0, 100, DeviceStatus.OK, DeviceStatus.OK,
                DeviceStatus.ABSENT, 0, LineLimits.COUNTER_MAX, 0, at);
        assertEquals(Instant.parse("2026-04-01T09:30:00.123Z"), hb.sentAt());
        rejects("paperPercent", () -> new Heartbeat(TerminalState.IDLE, 101, 0, DeviceStatus.OK,
                DeviceStatus.OK, DeviceStatus.OK, 0, 0, 0, at));
        rejects("issuedCount", () -> new Heartbeat(TerminalState.IDLE, 1, 0, DeviceStatus.OK,
                DeviceStatus.OK, DeviceStatus.OK, -1, 0, 0, at));
        rejects("errorCount", () -> new Heartbeat(TerminalState.IDLE, 1, 0, DeviceStatus.OK,
                DeviceStatus.OK, DeviceStatus.OK, 0, 0, LineLimits.COUNTER_MAX + 1, at));
        rejects("sentAt", () -> new Heartbeat(TerminalState.IDLE, 1, 0, DeviceStatus.OK,
                DeviceStatus.OK, DeviceStatus.OK, 0, 0, 0, Instant.MAX));
    }

    @Test
    void municipalityInfoValidates() {
        Set<CertificateType> both = EnumSet.allOf(CertificateType.class);
        rejects("code", () -> municipality("13105", both));
        rejects("code", () -> municipality("13105x", both));
        rejects("code", () -> municipality("１３１０５９", both));
        rejects("certificateTypes", () -> municipality("131059", Set.of()));
        rejects("opensAt", () -> new MunicipalityInfo("131059", "文京区", "Bunkyo", 120,
                LocalTime.of(6, 30, 1), LocalTime.of(23, 0), both));
        rejects("nameJa", () -> new MunicipalityInfo("131059", "", "Bunkyo", 120,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
        rejects("nameEn", () -> new MunicipalityInfo("131059", "文京区", "Bun\u0000kyo", 120,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
        rejects("nameJa", () -> new MunicipalityInfo("131059", "区".repeat(65), "Bunkyo", 120,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
        rejects("feePerCopyYen", () -> new MunicipalityInfo("131059", "文京区", "Bunkyo", -1,
                LocalTime.of(6, 30), LocalTime.of(23, 0), both));
    }

    @Test
    void catalogEntriesCarryReadingPrefectureAndParticipation() {
        MunicipalityInfo wakkanai = new MunicipalityInfo("012149", "稚内市", "", 120, LocalTime.of(6, 30),
                LocalTime.of(23, 0), EnumSet.of(CertificateType.DOMESTIC), "わっかないし", false);
        assertEquals(1, wakkanai.prefectureCode());
        assertEquals(47, municipality("472018", EnumSet.of(CertificateType.DOMESTIC)).prefectureCode());
        assertFalse(wakkanai.offers(CertificateType.DOMESTIC), "not participating: offers nothing");
        MunicipalityInfo old = municipality("131059", EnumSet.of(CertificateType.DOMESTIC));
        assertTrue(old.participating(), "the old list holds participating municipalities only");
        assertEquals("", old.nameKana());
        rejects("nameKana", () -> new MunicipalityInfo("012149", "稚内市", "", 120, LocalTime.of(6, 30),
                LocalTime.of(23, 0), EnumSet.of(CertificateType.DOMESTIC), "わ\u0007", false));
        rejects("repeat", () -> new MunicipalityCatalogResponse(List.of(wakkanai, wakkanai)));
    }

    @Test
    void municipalityTypesAreACopy() {
        Set<CertificateType> types = EnumSet.of(CertificateType.DOMESTIC);
        MunicipalityInfo info = municipality("131059", types);
        types.add(CertificateType.OVERSEAS);
        assertFalse(info.offers(CertificateType.OVERSEAS));
        assertThrows(UnsupportedOperationException.class, () -> info.certificateTypes().add(CertificateType.OVERSEAS));
    }

    @Test
    void serviceHoursIncludeOpeningAndExcludeClosing() {
        MunicipalityInfo day = municipality("131059", EnumSet.of(CertificateType.DOMESTIC));
        assertFalse(day.isOpenAt(LocalTime.of(6, 29)));
        assertTrue(day.isOpenAt(LocalTime.of(6, 30)));
        assertTrue(day.isOpenAt(LocalTime.of(22, 59, 59)));
        assertFalse(day.isOpenAt(LocalTime.of(23, 0)));

        MunicipalityInfo night = new MunicipalityInfo("131059", "文京区", "Bunkyo", 120,
                LocalTime.of(22, 0), LocalTime.of(2, 0), EnumSet.of(CertificateType.DOMESTIC));
        assertTrue(night.isOpenAt(LocalTime.of(23, 30)));
        assertTrue(night.isOpenAt(LocalTime.of(1, 0)));
        assertFalse(night.isOpenAt(LocalTime.of(12, 0)));

        MunicipalityInfo allDay = new MunicipalityInfo("131059", "文京区", "Bunkyo", 120,
                LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, EnumSet.of(CertificateType.DOMESTIC));
        assertTrue(allDay.isOpenAt(LocalTime.of(3, 0)));
    }

    @Test
    void municipalityListRefusesDuplicateCodesAndIsImmutable() {
        MunicipalityInfo a = municipality("131059", EnumSet.of(CertificateType.DOMESTIC));
        rejects("repeat", () -> new MunicipalityListResponse(List.of(a, a)));
        List<MunicipalityInfo> list = new ArrayList<>(List.of(a));
        MunicipalityListResponse response = new MunicipalityListResponse(list);
        list.clear();
        assertEquals(1, response.municipalities().size());
        assertEquals(0, new MunicipalityListResponse(List.of()).municipalities().size());
    }

    @Test
    void issueRequestValidates() {
        rejects("municipalityCode", () -> issueRequest("tx-1", "1310590", 1, LineFixtures.EF0001));
        rejects("copies", () -> issueRequest("tx-1", "131059", 0, LineFixtures.EF0001));
        rejects("copies", () -> issueRequest("tx-1", "131059", LineLimits.COPIES_MAX + 1, LineFixtures.EF0001));
        rejects("transactionId", () -> issueRequest("", "131059", 1, LineFixtures.EF0001));
        rejects("ef0001", () -> issueRequest("tx-1", "131059", 1, new byte[0]));
        rejects("ef0001", () -> issueRequest("tx-1", "131059", 1, new byte[LineLimits.CARD_FILE_MAX_BYTES + 1]));
    }

    @Test
    void issueRequestKeepsItsOwnCopiesOfTheCardFiles() {
        byte[] ef0001 = LineFixtures.EF0001.clone();
        IssueRequest request = issueRequest("tx-1", "131059", 1, ef0001);
        ef0001[5] = 0;
        assertArrayEquals(LineFixtures.EF0001, request.ef0001());
        request.ef0001()[5] = 0;
        assertArrayEquals(LineFixtures.EF0001, request.ef0001());
    }

    @Test
    void issueRequestEqualityComparesBytes() {
        IssueRequest a = LineFixtures.issueRequest();
        IssueRequest b = LineFixtures.issueRequest();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        byte[] other = LineFixtures.EF0001.clone();
        other[16] = 0;
        assertNotEquals(a, issueRequest("tx-0001", "131059", 1, other));
    }

    @Test
    void issueRequestToStringShowsLengthsOnly() {
        String text = LineFixtures.issueRequest().toString();
        assertTrue(text.contains("ef0001=17 bytes"), text);
        assertFalse(text.contains("123456789018"), text);
        assertFalse(text.contains("[B@"), text);
        assertTrue(text.contains("tx-0001") && text.contains("131059"), text);
    }

    @Test
    void wipeZeroesTheCardFiles() {
        IssueRequest request = LineFixtures.issueRequest();
        request.wipe();
        assertArrayEquals(new byte[LineFixtures.EF0001.length], request.ef0001());
        assertArrayEquals(new byte[LineFixtures.EF0004.length], request.ef0004());

        IssueResponse response = LineFixtures.issueResponse();
        response.wipe();
        assertArrayEquals(new byte[LineFixtures.PDF.length], response.pdf());
    }

    @Test
    void issueResponseValidates() {
        CertificateSummary summary = LineFixtures.issueResponse().summary();
        rejects("certificateIds", () -> new IssueResponse("tx-1", List.of(), 120, 1, summary, LineFixtures.PDF));
        rejects("certificateIds", () -> new IssueResponse("tx-1", List.of("a", "a"), 120, 1, summary, LineFixtures.PDF));
        rejects("certificateIds", () -> new IssueResponse("tx-1", Collections.nCopies(11, "a"), 120, 1, summary,
                LineFixtures.PDF));
        rejects("pages", () -> new IssueResponse("tx-1", List.of("a"), 120, 0, summary, LineFixtures.PDF));
        rejects("feeYen", () -> new IssueResponse("tx-1", List.of("a"), -1, 1, summary, LineFixtures.PDF));
        rejects("pdf", () -> new IssueResponse("tx-1", List.of("a"), 120, 1, summary, new byte[0]));
    }

    @Test
    void issueResponseToStringShowsNoPersonalData() {
        String text = LineFixtures.issueResponse().toString();
        assertTrue(text.contains("pdf=9 bytes"), text);
        assertTrue(text.contains("doses=1"), text);
        for (String secret : List.of("文京", "花子", "1980", "2021", "FA1234", "コミナティ", "PDF-1.7")) {
            assertFalse(text.contains(secret), secret + " leaked into " + text);
        }
    }

    @Test
    void summaryValidates() {
        DoseSummary dose = LineFixtures.issueResponse().summary().doses().get(0);
        LocalDate birth = LocalDate.of(1980, 4, 1);
        rejects("name", () -> new CertificateSummary("", "", birth, List.of(dose)));
        rejects("doses", () -> new CertificateSummary("花子", "", birth, List.of()));
        rejects("birthDate", () -> new CertificateSummary("花子", "", LocalDate.of(1899, 12, 31), List.of(dose)));
        rejects("name", () -> new CertificateSummary("\uD800", "", birth, List.of(dose)));
        rejects("doseNumber", () -> new DoseSummary(0, birth, "p", "m", "l"));
        rejects("doseNumber", () -> new DoseSummary(100, birth, "p", "m", "l"));
        rejects("lot", () -> new DoseSummary(1, birth, "p", "m", "L".repeat(41)));
    }

    @Test
    void printOutcomeReasonMatchesResult() {
        rejects("reason", () -> new PrintOutcome("tx-1", PrintResult.PRINTED, VoidReason.CANCELLED));
        rejects("reason", () -> new PrintOutcome("tx-1", PrintResult.VOIDED, VoidReason.NONE));
        assertEquals(VoidReason.PRINTER_FAILED, PrintOutcome.voided("tx-1", VoidReason.PRINTER_FAILED).reason());
        rejects("chargedYen", () -> PrintOutcome.printed("tx-1", -1));
        rejects("chargedYen", () -> PrintOutcome.voided("tx-1", VoidReason.CANCELLED, LineLimits.TOTAL_FEE_MAX_YEN + 1));
    }

    @Test
    void typeCodesAndWireValuesAreUnique() {
        assertEquals(MessageType.values().length,
                java.util.Arrays.stream(MessageType.values()).mapToInt(MessageType::code).distinct().count());
        for (MessageType type : MessageType.values()) {
            assertEquals(type, MessageType.fromCode(type.code()));
        }
        for (VoidReason reason : VoidReason.values()) {
            assertEquals(reason, VoidReason.fromWire(reason.wireValue()));
        }
        for (CertificateType type : CertificateType.values()) {
            assertEquals(type, CertificateType.fromWire(type.wireValue()));
        }
    }

    private static MunicipalityInfo municipality(String code, Set<CertificateType> types) {
        return new MunicipalityInfo(code, "文京区", "Bunkyo City", 120, LocalTime.of(6, 30), LocalTime.of(23, 0), types);
    }

    private static IssueRequest issueRequest(String tx, String code, int copies, byte[] ef0001) {
        return new IssueRequest(tx, code, CertificateType.DOMESTIC, copies, Language.EN,
                ef0001, LineFixtures.EF0002, LineFixtures.EF0003, LineFixtures.EF0004);
    }

    /** The constructor refuses, and its message names the field (and nothing else of the value). */
    private static void rejects(String field, Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct);
        assertTrue(e.getMessage().contains(field), "message '" + e.getMessage() + "' should name " + field);
    }
}
