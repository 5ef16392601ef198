package dev.shomei.protocol.line.codec;

import static dev.shomei.protocol.line.LineLimits.CARD_FILE_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.CERTIFICATE_ID_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.COPIES_MAX;
import static dev.shomei.protocol.line.LineLimits.DOSES_MAX;
import static dev.shomei.protocol.line.LineLimits.FIRMWARE_VERSION_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.LOT_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.MUNICIPALITIES_MAX;
import static dev.shomei.protocol.line.LineLimits.MUNICIPALITY_CODE_LENGTH;
import static dev.shomei.protocol.line.LineLimits.MUNICIPALITY_NAME_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.NAME_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.NATIONALITY_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.PASSPORT_NUMBER_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.PDF_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.PRODUCT_TEXT_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.TERMINAL_ID_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.TRANSACTION_ID_MAX_BYTES;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.DoseSummary;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.MunicipalityCatalogRequest;
import dev.shomei.protocol.line.MunicipalityCatalogResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.MunicipalityListRequest;
import dev.shomei.protocol.line.MunicipalityListResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.PrintResult;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.VoidReason;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The payload layout of every message: one place that says which fields, in which order, with
 * which encoding. {@link #encode} and {@link #decode} mirror each other field by field.
 */
public final class PayloadCodec {
    /** Smallest possible encoded municipality: 3 strings, fee, 2 times, type mask. */
    private static final int MIN_MUNICIPALITY_BYTES = 2 + MUNICIPALITY_CODE_LENGTH + 2 + 2 + 4 + 2 + 2 + 1;
    /** The catalog's entry: the above, the reading (a string) and the participating flag. */
    private static final int MIN_CATALOG_ENTRY_BYTES = MIN_MUNICIPALITY_BYTES + 2 + 1;
    /** Smallest possible encoded dose: number, date, 3 strings of at least 1 byte. */
    private static final int MIN_DOSE_BYTES = 1 + 4 + 3 * 3;

    private PayloadCodec() {
    }

    /** Writes {@code message}'s payload (not the frame header). */
    public static void encode(LineMessage message, PayloadWriter w) {
        switch (message) {
            case Hello m -> w
                    .string("terminalId", m.terminalId(), TERMINAL_ID_MAX_BYTES)
                    .string("firmwareVersion", m.firmwareVersion(), FIRMWARE_VERSION_MAX_BYTES);
            case Ack m -> w
                    .u8("acknowledged", m.acknowledged().code())
                    .string("transactionId", m.transactionId(), TRANSACTION_ID_MAX_BYTES);
            case Refusal m -> {
                w.string("transactionId", m.transactionId(), TRANSACTION_ID_MAX_BYTES)
                        .u16("code", m.code().wireValue())
                        .u8("hasDetail", m.detail().isPresent() ? 1 : 0);
                if (m.detail().isPresent()) {
                    w.u32("detail", m.detail().getAsInt());
                }
            }
            case Heartbeat m -> w
                    .u8("state", m.state().wireValue())
                    .u8("paperPercent", m.paperPercent())
                    .u8("tonerPercent", m.tonerPercent())
                    .u8("reader", m.reader().wireValue())
                    .u8("printer", m.printer().wireValue())
                    .u8("cashUnit", m.cashUnit().wireValue())
                    .u32("issuedCount", m.issuedCount())
                    .u32("voidedCount", m.voidedCount())
                    .u32("errorCount", m.errorCount())
                    .i64("sentAtEpochMillis", m.sentAt().toEpochMilli());
            case MunicipalityListRequest m -> {
                // no fields
            }
            case MunicipalityListResponse m -> {
                w.count("municipalities", m.municipalities().size(), MUNICIPALITIES_MAX);
                for (int i = 0; i < m.municipalities().size(); i++) {
                    MunicipalityInfo info = m.municipalities().get(i);
                    w.element("municipalities", i, () -> w
                            .string("code", info.code(), MUNICIPALITY_CODE_LENGTH)
                            .string("nameJa", info.nameJa(), MUNICIPALITY_NAME_MAX_BYTES)
                            .string("nameEn", info.nameEn(), MUNICIPALITY_NAME_MAX_BYTES)
                            .u32("feePerCopyYen", info.feePerCopyYen())
                            .time("opensAt", info.opensAt())
                            .time("closesAt", info.closesAt())
                            .u8("certificateTypes", typeMask(info.certificateTypes())));
                }
            }
            case MunicipalityCatalogRequest m -> {
                // no fields
            }
            case MunicipalityCatalogResponse m -> {
                w.count("municipalities", m.municipalities().size(), MUNICIPALITIES_MAX);
                for (int i = 0; i < m.municipalities().size(); i++) {
                    MunicipalityInfo info = m.municipalities().get(i);
                    w.element("municipalities", i, () -> w
                            .string("code", info.code(), MUNICIPALITY_CODE_LENGTH)
                            .string("nameJa", info.nameJa(), MUNICIPALITY_NAME_MAX_BYTES)
                            .string("nameEn", info.nameEn(), MUNICIPALITY_NAME_MAX_BYTES)
                            .string("nameKana", info.nameKana(), MUNICIPALITY_NAME_MAX_BYTES)
                            .u8("participating", info.participating() ? 1 : 0)
                            .u32("feePerCopyYen", info.feePerCopyYen())
                            .time("opensAt", info.opensAt())
                            .time("closesAt", info.closesAt())
                            .u8("certificateTypes", typeMask(info.certificateTypes())));
                }
            }
            case IssueRequest m -> {
                byte[] ef0001 = m.ef0001();
                byte[] ef0002 = m.ef0002();
                byte[] ef0003 = m.ef0003();
                byte[] ef0004 = m.ef0004();
                try {
                    w.string("transactionId", m.transactionId(), TRANSACTION_ID_MAX_BYTES)
                            .string("municipalityCode", m.municipalityCode(), MUNICIPALITY_CODE_LENGTH)
                            .u8("certificateType", m.certificateType().wireValue())
                            .u8("copies", m.copies())
                            .u8("language", languageWire(m.language()))
                            .bytes("ef0001", ef0001, CARD_FILE_MAX_BYTES)
                            .bytes("ef0002", ef0002, CARD_FILE_MAX_BYTES)
                            .bytes("ef0003", ef0003, CARD_FILE_MAX_BYTES)
                            .bytes("ef0004", ef0004, CARD_FILE_MAX_BYTES);
                } finally {
                    PayloadReader.wipe(ef0001, ef0002, ef0003, ef0004);
                }
            }
            case IssueResponse m -> {
                w.string("transactionId", m.transactionId(), TRANSACTION_ID_MAX_BYTES);
                w.count("certificateIds", m.certificateIds().size(), COPIES_MAX);
                for (int i = 0; i < m.certificateIds().size(); i++) {
                    String id = m.certificateIds().get(i);
                    w.string("certificateIds[" + i + "]", id, CERTIFICATE_ID_MAX_BYTES);
                }
                w.u32("feeYen", m.feeYen()).u16("pages", m.pages());
                writeSummary(w, m.summary());
                byte[] pdf = m.pdf();
                try {
                    w.bytes("pdf", pdf, PDF_MAX_BYTES);
                } finally {
                    PayloadReader.wipe(pdf);
                }
            }
            case PrintOutcome m -> {
                w.string("transactionId", m.transactionId(), TRANSACTION_ID_MAX_BYTES)
                        .u8("result", m.result().wireValue())
                        .u8("reason", m.reason().wireValue());
                if (m.chargedYen().isPresent()) {
                    w.u32("chargedYen", m.chargedYen().getAsInt());
                }
            }
        }
    }

    /**
     * Reads a whole payload as a message of {@code type}. The payload must hold exactly the
     * message's fields; anything else is a {@link LineProtocolException}.
     */
    public static LineMessage decode(MessageType type, ByteBuf payload) {
        PayloadReader r = new PayloadReader(type.name(), payload);
        try {
            LineMessage message = switch (type) {
                case HELLO -> new Hello(
                        r.string("terminalId", TERMINAL_ID_MAX_BYTES),
                        r.string("firmwareVersion", FIRMWARE_VERSION_MAX_BYTES));
                case ACK -> new Ack(
                        r.u8Enum("acknowledged", MessageType::fromCode),
                        r.string("transactionId", TRANSACTION_ID_MAX_BYTES));
                case REFUSAL -> readRefusal(r);
                case HEARTBEAT -> new Heartbeat(
                        r.u8Enum("state", TerminalState::fromWire),
                        r.u8("paperPercent"),
                        r.u8("tonerPercent"),
                        r.u8Enum("reader", DeviceStatus::fromWire),
                        r.u8Enum("printer", DeviceStatus::fromWire),
                        r.u8Enum("cashUnit", DeviceStatus::fromWire),
                        r.u32("issuedCount"),
                        r.u32("voidedCount"),
                        r.u32("errorCount"),
                        Instant.ofEpochMilli(r.i64("sentAtEpochMillis")));
                case MUNICIPALITY_LIST_REQUEST -> new MunicipalityListRequest();
                case MUNICIPALITY_LIST_RESPONSE -> readMunicipalities(r);
                case MUNICIPALITY_CATALOG_REQUEST -> new MunicipalityCatalogRequest();
                case MUNICIPALITY_CATALOG_RESPONSE -> readCatalog(r);
                case ISSUE_REQUEST -> readIssueRequest(r);
                case ISSUE_RESPONSE -> readIssueResponse(r);
                case PRINT_OUTCOME -> new PrintOutcome(
                        r.string("transactionId", TRANSACTION_ID_MAX_BYTES),
                        r.u8Enum("result", PrintResult::fromWire),
                        r.u8Enum("reason", VoidReason::fromWire),
                        // an older kiosk's payload ends after the reason
                        r.remaining() == 0 ? OptionalInt.empty() : OptionalInt.of(feeFromWire(r, "chargedYen")));
            };
            r.finish();
            return message;
        } catch (IllegalArgumentException e) {
            // a field parsed but broke a rule of its record; the record's message names the rule
            throw r.malformed(e.getMessage());
        }
    }

    private static Refusal readRefusal(PayloadReader r) {
        String transactionId = r.string("transactionId", TRANSACTION_ID_MAX_BYTES);
        ErrorCode code = r.u16Enum("code", ErrorCode::fromWire);
        int hasDetail = r.u8("hasDetail");
        OptionalInt detail = switch (hasDetail) {
            case 0 -> OptionalInt.empty();
            case 1 -> {
                long value = r.u32("detail");
                if (value > Integer.MAX_VALUE) {
                    throw r.malformed("detail: " + value + " exceeds " + Integer.MAX_VALUE);
                }
                yield OptionalInt.of((int) value);
            }
            default -> throw r.malformed("hasDetail: must be 0 or 1, not " + hasDetail);
        };
        return new Refusal(transactionId, code, detail);
    }

    private static MunicipalityListResponse readMunicipalities(PayloadReader r) {
        int count = r.count("municipalities", MUNICIPALITIES_MAX, MIN_MUNICIPALITY_BYTES);
        List<MunicipalityInfo> municipalities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String prefix = "municipalities[" + i + "].";
            municipalities.add(new MunicipalityInfo(
                    r.string(prefix + "code", MUNICIPALITY_CODE_LENGTH),
                    r.string(prefix + "nameJa", MUNICIPALITY_NAME_MAX_BYTES),
                    r.string(prefix + "nameEn", MUNICIPALITY_NAME_MAX_BYTES),
                    feeFromWire(r, prefix + "feePerCopyYen"),
                    r.time(prefix + "opensAt"),
                    r.time(prefix + "closesAt"),
                    typesFromMask(r, prefix + "certificateTypes")));
        }
        return new MunicipalityListResponse(municipalities);
    }

    private static MunicipalityCatalogResponse readCatalog(PayloadReader r) {
        int count = r.count("municipalities", MUNICIPALITIES_MAX, MIN_CATALOG_ENTRY_BYTES);
        List<MunicipalityInfo> municipalities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String prefix = "municipalities[" + i + "].";
            String code = r.string(prefix + "code", MUNICIPALITY_CODE_LENGTH);
            String nameJa = r.string(prefix + "nameJa", MUNICIPALITY_NAME_MAX_BYTES);
            String nameEn = r.string(prefix + "nameEn", MUNICIPALITY_NAME_MAX_BYTES);
            String nameKana = r.string(prefix + "nameKana", MUNICIPALITY_NAME_MAX_BYTES);
            int participating = r.u8(prefix + "participating");
            if (participating > 1) {
                throw r.malformed(prefix + "participating: must be 0 or 1, not " + participating);
            }
            municipalities.add(new MunicipalityInfo(code, nameJa, nameEn, feeFromWire(r, prefix + "feePerCopyYen"),
                    r.time(prefix + "opensAt"), r.time(prefix + "closesAt"),
                    typesFromMask(r, prefix + "certificateTypes"), nameKana, participating == 1));
        }
        return new MunicipalityCatalogResponse(municipalities);
    }

    private static IssueRequest readIssueRequest(PayloadReader r) {
        String transactionId = r.string("transactionId", TRANSACTION_ID_MAX_BYTES);
        String municipalityCode = r.string("municipalityCode", MUNICIPALITY_CODE_LENGTH);
        CertificateType certificateType = r.u8Enum("certificateType", CertificateType::fromWire);
        int copies = r.u8("copies");
        Language language = r.u8Enum("language", PayloadCodec::languageFromWire);
        byte[] ef0001 = null;
        byte[] ef0002 = null;
        byte[] ef0003 = null;
        byte[] ef0004 = null;
        try {
            ef0001 = r.bytes("ef0001", CARD_FILE_MAX_BYTES);
            ef0002 = r.bytes("ef0002", CARD_FILE_MAX_BYTES);
            ef0003 = r.bytes("ef0003", CARD_FILE_MAX_BYTES);
            ef0004 = r.bytes("ef0004", CARD_FILE_MAX_BYTES);
            return new IssueRequest(transactionId, municipalityCode, certificateType, copies, language,
                    ef0001, ef0002, ef0003, ef0004);
        } finally {
            // the record holds its own copies; these temporaries held card data
            PayloadReader.wipe(ef0001, ef0002, ef0003, ef0004);
        }
    }

    private static IssueResponse readIssueResponse(PayloadReader r) {
        String transactionId = r.string("transactionId", TRANSACTION_ID_MAX_BYTES);
        int idCount = r.count("certificateIds", COPIES_MAX, 2);
        List<String> certificateIds = new ArrayList<>(idCount);
        for (int i = 0; i < idCount; i++) {
            certificateIds.add(r.string("certificateIds[" + i + "]", CERTIFICATE_ID_MAX_BYTES));
        }
        int feeYen = feeFromWire(r, "feeYen");
        int pages = r.u16("pages");
        CertificateSummary summary = readSummary(r);
        byte[] pdf = null;
        try {
            pdf = r.bytes("pdf", PDF_MAX_BYTES);
            return new IssueResponse(transactionId, certificateIds, feeYen, pages, summary, pdf);
        } finally {
            PayloadReader.wipe(pdf);
        }
    }

    private static void writeSummary(PayloadWriter w, CertificateSummary summary) {
        w.string("summary.name", summary.name(), NAME_MAX_BYTES)
                .string("summary.nameLatin", summary.nameLatin(), NAME_MAX_BYTES)
                .string("summary.nationality", summary.nationality(), NATIONALITY_MAX_BYTES)
                .string("summary.passportNumber", summary.passportNumber(), PASSPORT_NUMBER_MAX_BYTES)
                .date("summary.birthDate", summary.birthDate())
                .count("summary.doses", summary.doses().size(), DOSES_MAX);
        for (int i = 0; i < summary.doses().size(); i++) {
            DoseSummary dose = summary.doses().get(i);
            w.element("summary.doses", i, () -> w
                    .u8("doseNumber", dose.doseNumber())
                    .date("date", dose.date())
                    .string("productName", dose.productName(), PRODUCT_TEXT_MAX_BYTES)
                    .string("manufacturer", dose.manufacturer(), PRODUCT_TEXT_MAX_BYTES)
                    .string("lot", dose.lot(), LOT_MAX_BYTES));
        }
    }

    private static CertificateSummary readSummary(PayloadReader r) {
        String name = r.string("summary.name", NAME_MAX_BYTES);
        String nameLatin = r.string("summary.nameLatin", NAME_MAX_BYTES);
        String nationality = r.string("summary.nationality", NATIONALITY_MAX_BYTES);
        String passportNumber = r.string("summary.passportNumber", PASSPORT_NUMBER_MAX_BYTES);
        var birthDate = r.date("summary.birthDate");
        int count = r.count("summary.doses", DOSES_MAX, MIN_DOSE_BYTES);
        List<DoseSummary> doses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String prefix = "summary.doses[" + i + "].";
            doses.add(new DoseSummary(
                    r.u8(prefix + "doseNumber"),
                    r.date(prefix + "date"),
                    r.string(prefix + "productName", PRODUCT_TEXT_MAX_BYTES),
                    r.string(prefix + "manufacturer", PRODUCT_TEXT_MAX_BYTES),
                    r.string(prefix + "lot", LOT_MAX_BYTES)));
        }
        return new CertificateSummary(name, nameLatin, birthDate, doses, nationality, passportNumber);
    }

    /** A u32 that the record range-checks; values above int range are rejected here first. */
    private static int feeFromWire(PayloadReader r, String field) {
        long value = r.u32(field);
        if (value > Integer.MAX_VALUE) {
            throw r.malformed(field + ": " + value + " out of range");
        }
        return (int) value;
    }

    /** Bit 0 = DOMESTIC (wire value 1), bit 1 = OVERSEAS (wire value 2): bit (wireValue - 1). */
    static int typeMask(Set<CertificateType> types) {
        int mask = 0;
        for (CertificateType type : types) {
            mask |= 1 << (type.wireValue() - 1);
        }
        return mask;
    }

    private static Set<CertificateType> typesFromMask(PayloadReader r, String field) {
        int mask = r.u8(field);
        Set<CertificateType> types = EnumSet.noneOf(CertificateType.class);
        for (CertificateType type : CertificateType.values()) {
            if ((mask & (1 << (type.wireValue() - 1))) != 0) {
                types.add(type);
            }
        }
        if (mask == 0 || typeMask(types) != mask) {
            throw r.malformed(field + ": mask 0x" + Integer.toHexString(mask) + " names no or unknown types");
        }
        return types;
    }

    /** Language wire values: 1 = Japanese, 2 = English. */
    public static int languageWire(Language language) {
        return switch (language) {
            case JA -> 1;
            case EN -> 2;
        };
    }

    private static Language languageFromWire(int value) {
        return switch (value) {
            case 1 -> Language.JA;
            case 2 -> Language.EN;
            default -> null;
        };
    }
}
