package dev.shomei.protocol.line;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One example of every message type and its exact frame bytes: the known answers of the codec
 * tests and the hex examples of {@code docs/protocol.md}. The card files and the PDF are
 * shortened stand-ins (the codec bounds them, the center parses them).
 */
public final class LineFixtures {

    /** EF 0001 as a real card holds it: FF 10 0C, 12 ASCII digits, FF FF (a made-up number). */
    public static final byte[] EF0001 = HexFormat.of().parseHex("ff100c313233343536373839303138ffff");
    public static final byte[] EF0002 = HexFormat.of().parseHex("ff2003df2100");
    public static final byte[] EF0003 = HexFormat.of().parseHex("ff300100");
    public static final byte[] EF0004 = HexFormat.of().parseHex("7f210100");
    public static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    private LineFixtures() {
    }

    public static Hello hello() {
        return new Hello("KIOSK-0001", "1.0.0");
    }

    public static Ack ack() {
        return Ack.of(MessageType.HELLO);
    }

    public static Refusal refusal() {
        return new Refusal("tx-0001", ErrorCode.BACKEND_UNAVAILABLE, OptionalInt.of(30));
    }

    public static Heartbeat heartbeat() {
        return new Heartbeat(TerminalState.IDLE, 80, 65, DeviceStatus.OK, DeviceStatus.WARNING, DeviceStatus.OK,
                12, 1, 0, Instant.parse("2026-04-01T09:30:00Z"));
    }

    public static MunicipalityListRequest municipalityListRequest() {
        return new MunicipalityListRequest();
    }

    public static MunicipalityListResponse municipalityListResponse() {
        return new MunicipalityListResponse(List.of(
                new MunicipalityInfo("131059", "文京区", "Bunkyo City", 120,
                        LocalTime.of(6, 30), LocalTime.of(23, 0),
                        EnumSet.of(CertificateType.DOMESTIC, CertificateType.OVERSEAS)),
                new MunicipalityInfo("131016", "千代田区", "Chiyoda City", 120,
                        LocalTime.of(6, 30), LocalTime.of(23, 0),
                        EnumSet.of(CertificateType.DOMESTIC))));
    }

    public static MunicipalityCatalogRequest municipalityCatalogRequest() {
        return new MunicipalityCatalogRequest();
    }

    /** Bunkyo takes part; Wakkanai (no romanised name in the national list) does not. */
    public static MunicipalityCatalogResponse municipalityCatalogResponse() {
        return new MunicipalityCatalogResponse(List.of(
                new MunicipalityInfo("012149", "稚内市", "", 120, LocalTime.of(6, 30), LocalTime.of(23, 0),
                        EnumSet.of(CertificateType.DOMESTIC), "わっかないし", false),
                new MunicipalityInfo("131059", "文京区", "Bunkyo City", 120, LocalTime.of(6, 30), LocalTime.of(23, 0),
                        EnumSet.of(CertificateType.DOMESTIC, CertificateType.OVERSEAS), "ぶんきょうく", true)));
    }

    public static IssueRequest issueRequest() {
        return new IssueRequest("tx-0001", "131059", CertificateType.DOMESTIC, 1, Language.JA,
                EF0001, EF0002, EF0003, EF0004);
    }

    public static IssueResponse issueResponse() {
        return new IssueResponse("tx-0001", List.of("C131059-000001"), 120, 1,
                new CertificateSummary("文京 花子", "", LocalDate.of(1980, 4, 1), List.of(
                        new DoseSummary(1, LocalDate.of(2021, 6, 1), "コミナティ", "ファイザー社", "FA1234"))),
                PDF);
    }

    public static PrintOutcome printOutcome() {
        return PrintOutcome.printed("tx-0001", 120);
    }

    /** Every example, in type-code order. */
    public static Map<MessageType, LineMessage> all() {
        Map<MessageType, LineMessage> all = new LinkedHashMap<>();
        for (LineMessage m : List.of(hello(), ack(), refusal(), heartbeat(), municipalityListRequest(),
                municipalityListResponse(), municipalityCatalogRequest(), municipalityCatalogResponse(), issueRequest(), issueResponse(), printOutcome())) {
            all.put(m.type(), m);
        }
        return all;
    }
}
