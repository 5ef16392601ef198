package dev.shomei.card.apdu;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/**
 * Status words named after ISO/IEC 7816-4, and the one place a response is checked.
 */
public final class StatusWords {
    public static final int SW_NO_ERROR = 0x9000;
    /** 62 82: end of file reached before Ne bytes were read. */
    public static final int SW_END_OF_FILE = 0x6282;
    /** 63 Cx: verification failed, x tries left. */
    public static final int SW_VERIFY_FAILED_BASE = 0x63C0;
    public static final int SW_WRONG_LENGTH = 0x6700;
    public static final int SW_FILE_INCOMPATIBLE = 0x6981;
    public static final int SW_SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    public static final int SW_AUTHENTICATION_METHOD_BLOCKED = 0x6983;
    public static final int SW_REFERENCE_DATA_NOT_USABLE = 0x6984;
    public static final int SW_COMMAND_NOT_ALLOWED_NO_EF = 0x6986;
    public static final int SW_WRONG_DATA = 0x6A80;
    public static final int SW_FUNCTION_NOT_SUPPORTED = 0x6A81;
    public static final int SW_FILE_NOT_FOUND = 0x6A82;
    public static final int SW_INCORRECT_P1P2 = 0x6A86;
    public static final int SW_REFERENCE_NOT_FOUND = 0x6A88;
    public static final int SW_WRONG_P1P2 = 0x6B00;
    public static final int SW_INS_NOT_SUPPORTED = 0x6D00;
    public static final int SW_CLA_NOT_SUPPORTED = 0x6E00;
    public static final int SW_UNKNOWN = 0x6F00;

    private StatusWords() {
    }

    /** True for {@code 63 Cx}. */
    public static boolean isVerifyFailed(int sw) {
        return (sw & 0xFFF0) == SW_VERIFY_FAILED_BASE;
    }

    /** The x of {@code 63 Cx}. */
    public static int triesLeft(int sw) {
        return sw & 0x0F;
    }

    public static int verifyFailed(int triesLeft) {
        return SW_VERIFY_FAILED_BASE | (triesLeft & 0x0F);
    }

    /** "6A82" */
    public static String hex(int sw) {
        return String.format("%04X", sw & 0xFFFF);
    }

    /** "6A82 (file not found)": what an error message names. */
    public static String describe(int sw) {
        return hex(sw) + " (" + meaning(sw) + ")";
    }

    static String meaning(int sw) {
        if (isVerifyFailed(sw)) {
            return "verification failed, " + triesLeft(sw) + " tries left";
        }
        if ((sw & 0xFF00) == 0x6100) {
            return (sw & 0xFF) + " more bytes available";
        }
        if ((sw & 0xFF00) == 0x6C00) {
            return "wrong Le, exact length " + (sw & 0xFF);
        }
        return switch (sw) {
            case SW_NO_ERROR -> "no error";
            case SW_END_OF_FILE -> "end of file before Ne bytes";
            case SW_WRONG_LENGTH -> "wrong length";
            case SW_FILE_INCOMPATIBLE -> "command incompatible with file structure";
            case SW_SECURITY_STATUS_NOT_SATISFIED -> "security status not satisfied";
            case SW_AUTHENTICATION_METHOD_BLOCKED -> "authentication method blocked";
            case SW_REFERENCE_DATA_NOT_USABLE -> "reference data not usable (blocked)";
            case SW_COMMAND_NOT_ALLOWED_NO_EF -> "command not allowed, no current EF";
            case SW_WRONG_DATA -> "incorrect data";
            case SW_FUNCTION_NOT_SUPPORTED -> "function not supported";
            case SW_FILE_NOT_FOUND -> "file or application not found";
            case SW_INCORRECT_P1P2 -> "incorrect P1 P2";
            case SW_REFERENCE_NOT_FOUND -> "referenced data not found";
            case SW_WRONG_P1P2 -> "wrong P1 P2 (offset outside the EF)";
            case SW_INS_NOT_SUPPORTED -> "instruction not supported";
            case SW_CLA_NOT_SUPPORTED -> "class not supported";
            case SW_UNKNOWN -> "no precise diagnosis";
            default -> "unexpected";
        };
    }

    /**
     * Returns the response when its status word is one of {@code expected}; otherwise throws
     * {@link ErrorCode#CARD_UNREADABLE} naming the step and the status word.
     */
    public static ResponseApdu check(ResponseApdu response, String step, int... expected) {
        int sw = response.sw();
        for (int ok : expected) {
            if (sw == ok) {
                return response;
            }
        }
        response.wipe();
        throw new ShomeiException(ErrorCode.CARD_UNREADABLE, step + ": unexpected status word " + describe(sw));
    }
}
