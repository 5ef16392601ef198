package dev.shomei.card.transport;

import dev.shomei.card.apdu.CommandApdu;
import dev.shomei.card.apdu.Hex;
import dev.shomei.card.apdu.Iso7816;
import dev.shomei.card.apdu.StatusWords;
import java.util.Set;

/**
 * Formats APDUs for the trace, masking what must never reach a log:
 * <ul>
 *   <li>the data of every command except SELECT (VERIFY's PIN above all) — shown as its length;</li>
 *   <li>READ BINARY data of every EF except the public EF 0004 and EF 0005. EF 0001/0002 hold the
 *       My Number and the 4 info; EF 0003 holds SHA-256 of the My Number, which an attacker can
 *       invert by trying all 10^11 numbers, so it is personal data too;</li>
 *   <li>when the EF being read is not known for sure, the data.</li>
 * </ul>
 * Tracks the current EF from SELECT and short-EF-id READ BINARY commands (one card session).
 */
final class ApduTraceFormatter {
    private static final Set<Integer> PUBLIC_FILES = Set.of(0x0004, 0x0005);
    private static final int UNKNOWN = -1;

    private int currentEf = UNKNOWN;

    String command(byte[] apdu) {
        if (apdu.length < 4) {
            return Hex.of(apdu) + " (malformed)";
        }
        CommandApdu command;
        try {
            command = CommandApdu.decode(apdu);
        } catch (IllegalArgumentException e) {
            return Hex.of(apdu, 0, 4) + " [" + (apdu.length - 4) + " bytes masked, malformed]";
        }
        if (command.nc() == 0 || command.ins() == Iso7816.INS_SELECT) {
            return Hex.of(apdu, 0, 4) + (apdu.length > 4 ? " " + Hex.of(apdu, 4, apdu.length) : "");
        }
        String masked = Hex.of(apdu, 0, 4) + " [" + command.nc() + " bytes masked]";
        command.wipe(); // decode copied the data
        return command.ne() > 0 ? masked + " Ne=" + command.ne() : masked;
    }

    /** Formats the response and then updates the current-EF tracking. */
    String response(byte[] command, byte[] response) {
        if (response.length < 2) {
            return "(" + response.length + " bytes, no status word)";
        }
        int sw = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
        int dataLength = response.length - 2;
        boolean show = dataLength > 0 && command.length >= 4 && showData(command);
        track(command, sw);
        String data = dataLength == 0 ? "" : show ? Hex.of(response, 0, dataLength) + " " : "[" + dataLength + " bytes masked] ";
        return data + StatusWords.describe(sw);
    }

    private boolean showData(byte[] command) {
        int ins = command[1] & 0xFF;
        if (ins == Iso7816.INS_SELECT) {
            return true;
        }
        if (ins == Iso7816.INS_READ_BINARY) {
            int p1 = command[2] & 0xFF;
            int ef = (p1 & Iso7816.READ_BINARY_SFI) != 0 ? p1 & 0x1F : currentEf;
            return PUBLIC_FILES.contains(ef);
        }
        return false;
    }

    private void track(byte[] command, int sw) {
        if (command.length < 4) {
            return;
        }
        int ins = command[1] & 0xFF;
        int p1 = command[2] & 0xFF;
        if (ins == Iso7816.INS_SELECT) {
            if (sw == StatusWords.SW_NO_ERROR && p1 == Iso7816.SELECT_EF_UNDER_DF && command.length == 7) {
                currentEf = ((command[5] & 0xFF) << 8) | (command[6] & 0xFF);
            } else {
                currentEf = UNKNOWN; // a failed or other SELECT leaves the selection uncertain
            }
        } else if (ins == Iso7816.INS_READ_BINARY && (p1 & Iso7816.READ_BINARY_SFI) != 0) {
            currentEf = sw == StatusWords.SW_NO_ERROR || sw == StatusWords.SW_END_OF_FILE ? p1 & 0x1F : UNKNOWN;
        }
    }
}
