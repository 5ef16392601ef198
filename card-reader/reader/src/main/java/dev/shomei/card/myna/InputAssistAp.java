package dev.shomei.card.myna;

import dev.shomei.card.apdu.Hex;

/** Identifiers of the input-assist AP (MYNA-CARD.md). */
public final class InputAssistAp {
    /** DF name of the input-assist AP: {@code D3 92 10 00 31 00 01 01 04 08}. */
    public static final byte[] AID = Hex.parse("D392100031000101 0408");

    /** My Number, 17 bytes; readable after VERIFY. */
    public static final int EF_MY_NUMBER = 0x0001;
    /** Basic 4 info, BER-TLV; readable after VERIFY. */
    public static final int EF_BASIC_INFO = 0x0002;
    /** Hashes and signature, 336 bytes; readable after VERIFY. */
    public static final int EF_SIGNATURE = 0x0003;
    /** CV certificate of the key that signed EF 0003, 568 bytes; always readable. */
    public static final int EF_CERTIFICATE = 0x0004;
    /** AP basic info; always readable. */
    public static final int EF_AP_INFO = 0x0005;
    /** The 4-digit input-assist PIN; never readable. */
    public static final int EF_PIN = 0x0011;
    /** 照合番号A (= My Number); never readable. */
    public static final int EF_MATCHING_NUMBER_A = 0x0014;
    /** 照合番号B (14 digits); never readable. */
    public static final int EF_MATCHING_NUMBER_B = 0x0015;

    /** Tries a fresh PIN has; the third consecutive wrong PIN blocks it. */
    public static final int MAX_PIN_TRIES = 3;
    public static final int PIN_LENGTH = 4;

    private InputAssistAp() {
    }

    /** EF ids below 0x1F double as short EF ids (SFI) in READ BINARY P1 and VERIFY P2. */
    public static int sfi(int fileId) {
        if (fileId < 1 || fileId > 0x1E) {
            throw new IllegalArgumentException("no short EF id for " + Integer.toHexString(fileId));
        }
        return fileId;
    }
}
