package dev.shomei.card.myna;

import static dev.shomei.card.apdu.Iso7816.CLA_ISO;
import static dev.shomei.card.apdu.Iso7816.INS_READ_BINARY;
import static dev.shomei.card.apdu.Iso7816.INS_SELECT;
import static dev.shomei.card.apdu.Iso7816.INS_VERIFY;
import static dev.shomei.card.apdu.Iso7816.READ_BINARY_SFI;
import static dev.shomei.card.apdu.Iso7816.SELECT_BY_DF_NAME;
import static dev.shomei.card.apdu.Iso7816.SELECT_EF_UNDER_DF;
import static dev.shomei.card.apdu.Iso7816.SELECT_NO_RESPONSE;
import static dev.shomei.card.apdu.Iso7816.VERIFY_SPECIFIC_REFERENCE;
import static dev.shomei.card.apdu.StatusWords.SW_AUTHENTICATION_METHOD_BLOCKED;
import static dev.shomei.card.apdu.StatusWords.SW_COMMAND_NOT_ALLOWED_NO_EF;
import static dev.shomei.card.apdu.StatusWords.SW_END_OF_FILE;
import static dev.shomei.card.apdu.StatusWords.SW_NO_ERROR;
import static dev.shomei.card.apdu.StatusWords.SW_REFERENCE_DATA_NOT_USABLE;

import dev.shomei.card.apdu.CommandApdu;
import dev.shomei.card.apdu.ResponseApdu;
import dev.shomei.card.apdu.StatusWords;
import dev.shomei.card.data.BasicInfoFile;
import dev.shomei.card.data.BerTlv;
import dev.shomei.card.data.CardData;
import dev.shomei.card.data.CardDataException;
import dev.shomei.card.data.CardDataException.Reason;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.CvCertificate;
import dev.shomei.card.data.MyNumberFile;
import dev.shomei.card.data.SignatureFile;
import dev.shomei.card.transport.CardTransport;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.util.Arrays;

/**
 * Talks to the input-assist AP over a {@link CardTransport}:
 * <pre>
 * InputAssistApClient ap = InputAssistApClient.select(transport);  // 00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08
 * int tries = ap.triesLeft();                                      // 00 20 00 91         -> 63 Cx
 * ap.verifyPin(pin);                                               // 00 20 00 91 04 PIN  (pin wiped)
 * try (CardRead read = ap.read()) { ... }                          // READ BINARY by short EF id
 * </pre>
 * A full read takes 10 APDUs when EF 0002 is at most 256 bytes long (see docs/card.md): SELECT,
 * tries left, VERIFY, EF 0001 (1), EF 0002 (1), EF 0003 (2), EF 0004 (3).
 *
 * <p>Never sends a VERIFY when the card has no try left. Not thread-safe: one thread owns a card.
 */
public final class InputAssistApClient {
    /** Largest EF this client reads: more is not a My Number card. */
    static final int MAXIMUM_FILE_SIZE = 4096;
    private static final int SHORT_READ = 256;
    private static final int UNKNOWN = -1;

    private final CardTransport transport;
    private int knownTriesLeft = UNKNOWN;
    private boolean verified;

    private InputAssistApClient(CardTransport transport) {
        this.transport = transport;
    }

    /**
     * SELECTs the input-assist AP.
     *
     * @throws ShomeiException {@code CARD_UNREADABLE} naming the status word when the card has no such AP
     */
    public static InputAssistApClient select(CardTransport transport) {
        ResponseApdu response = transport.transmit(
                CommandApdu.withData(CLA_ISO, INS_SELECT, SELECT_BY_DF_NAME, SELECT_NO_RESPONSE, InputAssistAp.AID.clone()));
        StatusWords.check(response, "SELECT input-assist AP", SW_NO_ERROR);
        return new InputAssistApClient(transport);
    }

    /**
     * Asks how many PIN tries are left without consuming one ({@code VERIFY} without data).
     *
     * @return 1..3, or 0 when the PIN is blocked; 3 when the PIN was already verified in this session
     */
    public int triesLeft() {
        ResponseApdu response = transport.transmit(CommandApdu.of(CLA_ISO, INS_VERIFY, 0x00, pinReference()));
        int sw = response.sw();
        if (sw == SW_NO_ERROR) {
            verified = true;
            knownTriesLeft = InputAssistAp.MAX_PIN_TRIES;
        } else if (StatusWords.isVerifyFailed(sw)) {
            knownTriesLeft = StatusWords.triesLeft(sw);
        } else if (sw == SW_REFERENCE_DATA_NOT_USABLE || sw == SW_AUTHENTICATION_METHOD_BLOCKED) {
            knownTriesLeft = 0;
        } else {
            StatusWords.check(response, "VERIFY (tries left)", SW_NO_ERROR);
        }
        return knownTriesLeft;
    }

    /**
     * Verifies the PIN. The array is wiped before this method returns, whatever happens.
     *
     * @throws ShomeiException {@code INVALID_REQUEST} unless exactly 4 ASCII digits (no APDU sent);
     *         {@code PIN_BLOCKED} when no try is left (no VERIFY sent) or this try exhausted them
     * @throws PinIncorrectException with the tries left
     */
    public void verifyPin(char[] pin) {
        byte[] ascii = null;
        try {
            ascii = PinCode.toAscii(pin);
            if (knownTriesLeft == UNKNOWN) {
                triesLeft();
            }
            if (knownTriesLeft == 0) {
                throw blocked();
            }
            CommandApdu verify = CommandApdu.withData(CLA_ISO, INS_VERIFY, 0x00, pinReference(), ascii);
            ResponseApdu response = transport.transmit(verify);
            int sw = response.sw();
            if (sw == SW_NO_ERROR) {
                verified = true;
                knownTriesLeft = InputAssistAp.MAX_PIN_TRIES;
                return;
            }
            verified = false;
            if (StatusWords.isVerifyFailed(sw)) {
                knownTriesLeft = StatusWords.triesLeft(sw);
                if (knownTriesLeft == 0) {
                    throw blocked();
                }
                throw new PinIncorrectException(knownTriesLeft);
            }
            if (sw == SW_REFERENCE_DATA_NOT_USABLE || sw == SW_AUTHENTICATION_METHOD_BLOCKED) {
                knownTriesLeft = 0;
                throw blocked();
            }
            StatusWords.check(response, "VERIFY", SW_NO_ERROR);
        } finally {
            if (ascii != null) {
                Arrays.fill(ascii, (byte) 0);
            }
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** The tries left as last reported by the card; -1 before the first query. */
    public int knownTriesLeft() {
        return knownTriesLeft;
    }

    public boolean isVerified() {
        return verified;
    }

    /**
     * Reads EF 0001..0004 and parses EF 0001/0002 (not verified: the center does that).
     *
     * @throws IllegalStateException before a successful {@link #verifyPin}
     * @throws CardDataException when the content is malformed
     */
    public CardRead read() {
        CardFiles files = readFiles();
        try {
            return new CardRead(files, CardData.parse(files));
        } catch (RuntimeException e) {
            files.wipe();
            throw e;
        }
    }

    /** EF 0001..0004 as raw bytes, with the fewest short APDUs. */
    public CardFiles readFiles() {
        requireVerified();
        byte[] ef0001 = null;
        byte[] ef0002 = null;
        byte[] ef0003 = null;
        try {
            ef0001 = readMyNumberFile();
            ef0002 = readBasicInfoFile();
            ef0003 = readSignatureFile();
            return new CardFiles(ef0001, ef0002, ef0003, readCertificate());
        } catch (RuntimeException e) {
            wipe(ef0001);
            wipe(ef0002);
            wipe(ef0003);
            throw e;
        }
    }

    /** EF 0001 (1 APDU). */
    public byte[] readMyNumberFile() {
        requireVerified();
        return readBinary(InputAssistAp.EF_MY_NUMBER, MyNumberFile.SIZE);
    }

    /**
     * EF 0002: 1 APDU when the file is at most 256 bytes (every real name and address), else 2.
     * The first READ asks for 256 bytes, more than most of these files hold: ISO 7816-4 lets the
     * card answer with the bytes up to the end of the file and {@code 62 82}, or with 256 bytes of
     * a larger allocated file (the TLV header says where the content ends; the rest is wiped). A
     * card that refuses such a READ ({@code 67 00}, {@code 6B 00}, {@code 6C xx}, ...) is read
     * the old way, from a first READ of the smallest well-formed file: one APDU more.
     */
    public byte[] readBasicInfoFile() {
        requireVerified();
        int fileId = InputAssistAp.EF_BASIC_INFO;
        ResponseApdu response = transport.transmit(CommandApdu.expecting(CLA_ISO, INS_READ_BINARY,
                READ_BINARY_SFI | InputAssistAp.sfi(fileId), 0, SHORT_READ));
        if (response.sw() != SW_NO_ERROR && response.sw() != SW_END_OF_FILE) {
            response.wipe();
            return readTlvFile(fileId, BasicInfoFile.TAG, BasicInfoFile.MINIMUM_SIZE, Reason.BASIC_INFO_MALFORMED);
        }
        byte[] head = response.data();
        response.wipe();
        // a short answer or 62 82 means the whole file is in hand: it must hold its TLV
        boolean wholeFile = response.sw() == SW_END_OF_FILE || head.length < SHORT_READ;
        try {
            return completeTlv(fileId, BasicInfoFile.TAG, head, Reason.BASIC_INFO_MALFORMED, !wholeFile);
        } finally {
            wipe(head);
        }
    }

    /** EF 0003 (2 APDUs). */
    public byte[] readSignatureFile() {
        requireVerified();
        return readTlvFile(InputAssistAp.EF_SIGNATURE, SignatureFile.TAG, SHORT_READ, Reason.SIGNATURE_FILE_MALFORMED);
    }

    /** EF 0004 (3 APDUs), readable without the PIN. */
    public byte[] readCertificate() {
        return readTlvFile(InputAssistAp.EF_CERTIFICATE, CvCertificate.TAG, SHORT_READ, Reason.CV_CERTIFICATE_MALFORMED);
    }

    private void requireVerified() {
        if (!verified) {
            throw new IllegalStateException("verify the PIN before reading EF 0001..0003");
        }
    }

    /** Reads exactly {@code length} (1..256) bytes from offset 0 of an EF, by short EF id. */
    private byte[] readBinary(int fileId, int length) {
        return read(fileId, CommandApdu.expecting(CLA_ISO, INS_READ_BINARY, READ_BINARY_SFI | InputAssistAp.sfi(fileId), 0,
                length), length);
    }

    /**
     * Reads a file whose content is one BER-TLV: the first READ (by short EF id, which also makes
     * it the current EF) asks for {@code firstRead} bytes, no more than the smallest well-formed
     * file; the header says how long the TLV is; the rest follows in 256-byte READs of the current EF.
     */
    private byte[] readTlvFile(int fileId, int tag, int firstRead, Reason reason) {
        byte[] head = readBinary(fileId, firstRead);
        try {
            return completeTlv(fileId, tag, head, reason, true);
        } finally {
            wipe(head);
        }
    }

    /**
     * The TLV file that starts with {@code head}: the header's length, bytes past the TLV dropped,
     * the rest read in 256-byte READs of the current EF when {@code more} (else missing bytes are
     * malformed content). Never wipes {@code head}; wipes what it allocated on failure.
     */
    private byte[] completeTlv(int fileId, int tag, byte[] head, Reason reason, boolean more) {
        byte[] file = null;
        try {
            BerTlv header = BerTlv.readHeader(head, 0, head.length, reason);
            if (header.tag() != tag) {
                throw new CardDataException(reason, String.format("file starts with tag %X, not %X", header.tag(), tag));
            }
            long total = (long) header.valueOffset() + header.valueLength();
            if (total > MAXIMUM_FILE_SIZE) {
                throw new CardDataException(reason, "declares " + total + " bytes");
            }
            file = new byte[(int) total];
            int have = Math.min(head.length, file.length);
            System.arraycopy(head, 0, file, 0, have);
            if (!more && have < file.length) {
                throw new CardDataException(reason, "declares " + total + " bytes, the file holds " + head.length);
            }
            while (have < file.length) {
                int chunk = Math.min(SHORT_READ, file.length - have);
                byte[] part = readAt(fileId, have, chunk);
                System.arraycopy(part, 0, file, have, chunk);
                wipe(part);
                have += chunk;
            }
            return file;
        } catch (RuntimeException e) {
            wipe(file);
            throw e;
        }
    }

    /**
     * READ BINARY of the current EF at {@code offset}. A card that did not make the short-EF-id
     * READ's file current answers {@code 69 86}: then SELECT it and read again (one APDU more).
     */
    private byte[] readAt(int fileId, int offset, int length) {
        CommandApdu command = CommandApdu.expecting(CLA_ISO, INS_READ_BINARY, (offset >> 8) & 0x7F, offset & 0xFF, length);
        ResponseApdu response = transport.transmit(command);
        if (response.sw() == SW_COMMAND_NOT_ALLOWED_NO_EF) {
            selectEf(fileId);
            response = transport.transmit(command);
        }
        return checkRead(response, fileId, length);
    }

    private void selectEf(int fileId) {
        byte[] fid = {(byte) (fileId >> 8), (byte) fileId};
        ResponseApdu response = transport.transmit(
                CommandApdu.withData(CLA_ISO, INS_SELECT, SELECT_EF_UNDER_DF, SELECT_NO_RESPONSE, fid));
        StatusWords.check(response, String.format("SELECT EF %04X", fileId), SW_NO_ERROR);
    }

    private byte[] read(int fileId, CommandApdu command, int length) {
        return checkRead(transport.transmit(command), fileId, length);
    }

    private static byte[] checkRead(ResponseApdu response, int fileId, int length) {
        StatusWords.check(response, String.format("READ BINARY EF %04X", fileId), SW_NO_ERROR);
        if (response.dataLength() != length) {
            int got = response.dataLength();
            response.wipe();
            throw new ShomeiException(ErrorCode.CARD_UNREADABLE,
                    String.format("READ BINARY EF %04X: %d bytes instead of %d", fileId, got, length));
        }
        byte[] data = response.data();
        response.wipe();
        return data;
    }

    private static int pinReference() {
        return VERIFY_SPECIFIC_REFERENCE | InputAssistAp.sfi(InputAssistAp.EF_PIN);
    }

    private static ShomeiException blocked() {
        return new ShomeiException(ErrorCode.PIN_BLOCKED, "no PIN tries left");
    }

    private static void wipe(byte[] bytes) {
        if (bytes != null) {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
