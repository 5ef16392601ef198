package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.CARD_FILE_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.COPIES_MAX;
import static dev.shomei.protocol.line.LineLimits.TRANSACTION_ID_MAX_BYTES;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.Language;
import java.util.Arrays;
import java.util.Objects;

/**
 * kiosk -> center: issue a certificate from the card files read off the My Number card's
 * input-assist AP. The center verifies the card data (EF 0004 -> EF 0003 -> hashes of EF 0001 and
 * EF 0002) before it uses any of it. A retry reuses the transaction id.
 *
 * <p>The card files are personal data: the record keeps its own copies, accessors return copies,
 * {@link #toString()} prints only their lengths, and {@link #wipe()} zeroes the record's copies
 * once the request has been sent or handled (the one deliberate mutation of this record).
 *
 * @param ef0001 My Number (17 bytes on a real card)
 * @param ef0002 the basic 4 info: name, address, birth date, sex
 * @param ef0003 hashes of EF 0001/0002 and their signature
 * @param ef0004 the card-verifiable certificate of the signing key
 */
public record IssueRequest(
        String transactionId,
        String municipalityCode,
        CertificateType certificateType,
        int copies,
        Language language,
        byte[] ef0001,
        byte[] ef0002,
        byte[] ef0003,
        byte[] ef0004) implements LineMessage {

    public IssueRequest {
        Checks.identifier("transactionId", transactionId, TRANSACTION_ID_MAX_BYTES);
        Checks.municipalityCode("municipalityCode", municipalityCode);
        Checks.present("certificateType", certificateType);
        Checks.range("copies", copies, 1, COPIES_MAX);
        Checks.present("language", language);
        ef0001 = Checks.bytes("ef0001", ef0001, CARD_FILE_MAX_BYTES);
        ef0002 = Checks.bytes("ef0002", ef0002, CARD_FILE_MAX_BYTES);
        ef0003 = Checks.bytes("ef0003", ef0003, CARD_FILE_MAX_BYTES);
        ef0004 = Checks.bytes("ef0004", ef0004, CARD_FILE_MAX_BYTES);
    }

    @Override
    public MessageType type() {
        return MessageType.ISSUE_REQUEST;
    }

    @Override
    public byte[] ef0001() {
        return ef0001.clone();
    }

    @Override
    public byte[] ef0002() {
        return ef0002.clone();
    }

    @Override
    public byte[] ef0003() {
        return ef0003.clone();
    }

    @Override
    public byte[] ef0004() {
        return ef0004.clone();
    }

    /** Zeroes this record's copies of the card files. */
    public void wipe() {
        Arrays.fill(ef0001, (byte) 0);
        Arrays.fill(ef0002, (byte) 0);
        Arrays.fill(ef0003, (byte) 0);
        Arrays.fill(ef0004, (byte) 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssueRequest that
                && transactionId.equals(that.transactionId)
                && municipalityCode.equals(that.municipalityCode)
                && certificateType == that.certificateType
                && copies == that.copies
                && language == that.language
                && Arrays.equals(ef0001, that.ef0001)
                && Arrays.equals(ef0002, that.ef0002)
                && Arrays.equals(ef0003, that.ef0003)
                && Arrays.equals(ef0004, that.ef0004);
    }

    @Override
    public int hashCode() {
        // card bytes stay out of the hash: equal records still hash equal, and the hash reveals nothing
        return Objects.hash(transactionId, municipalityCode, certificateType, copies, language);
    }

    @Override
    public String toString() {
        return "IssueRequest[transactionId=" + transactionId
                + ", municipalityCode=" + municipalityCode
                + ", certificateType=" + certificateType
                + ", copies=" + copies
                + ", language=" + language
                + ", ef0001=" + ef0001.length + " bytes"
                + ", ef0002=" + ef0002.length + " bytes"
                + ", ef0003=" + ef0003.length + " bytes"
                + ", ef0004=" + ef0004.length + " bytes]";
    }
}
