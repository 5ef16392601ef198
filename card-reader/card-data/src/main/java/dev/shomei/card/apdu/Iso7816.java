package dev.shomei.card.apdu;

/** Instruction bytes and parameter values from ISO/IEC 7816-4 that the input-assist AP uses. */
public final class Iso7816 {
    public static final int CLA_ISO = 0x00;

    public static final int INS_SELECT = 0xA4;
    public static final int INS_VERIFY = 0x20;
    public static final int INS_READ_BINARY = 0xB0;
    /** CHANGE REFERENCE DATA: carries PINs too, so traces mask it like VERIFY. */
    public static final int INS_CHANGE_REFERENCE_DATA = 0x24;
    /** RESET RETRY COUNTER: carries PINs too, so traces mask it like VERIFY. */
    public static final int INS_RESET_RETRY_COUNTER = 0x2C;

    /** SELECT P1: by DF name (AID). */
    public static final int SELECT_BY_DF_NAME = 0x04;
    /** SELECT P1: EF under the current DF, by file id. */
    public static final int SELECT_EF_UNDER_DF = 0x02;
    /** SELECT P2: first occurrence, no response data. */
    public static final int SELECT_NO_RESPONSE = 0x0C;

    /** VERIFY P2 bit: specific (DF-local) reference data; the low 5 bits name the EF. */
    public static final int VERIFY_SPECIFIC_REFERENCE = 0x80;
    /** READ BINARY P1 bit: P1's low 5 bits are a short EF id and P2 is the offset. */
    public static final int READ_BINARY_SFI = 0x80;

    private Iso7816() {
    }
}
