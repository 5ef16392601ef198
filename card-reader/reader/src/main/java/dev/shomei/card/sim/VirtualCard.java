package dev.shomei.card.sim;

import static dev.shomei.card.apdu.StatusWords.SW_CLA_NOT_SUPPORTED;
import static dev.shomei.card.apdu.StatusWords.SW_COMMAND_NOT_ALLOWED_NO_EF;
import static dev.shomei.card.apdu.StatusWords.SW_END_OF_FILE;
import static dev.shomei.card.apdu.StatusWords.SW_FILE_INCOMPATIBLE;
import static dev.shomei.card.apdu.StatusWords.SW_FILE_NOT_FOUND;
import static dev.shomei.card.apdu.StatusWords.SW_INCORRECT_P1P2;
import static dev.shomei.card.apdu.StatusWords.SW_INS_NOT_SUPPORTED;
import static dev.shomei.card.apdu.StatusWords.SW_NO_ERROR;
import static dev.shomei.card.apdu.StatusWords.SW_REFERENCE_DATA_NOT_USABLE;
import static dev.shomei.card.apdu.StatusWords.SW_REFERENCE_NOT_FOUND;
import static dev.shomei.card.apdu.StatusWords.SW_SECURITY_STATUS_NOT_SATISFIED;
import static dev.shomei.card.apdu.StatusWords.SW_WRONG_LENGTH;
import static dev.shomei.card.apdu.StatusWords.SW_WRONG_P1P2;

import dev.shomei.card.apdu.CommandApdu;
import dev.shomei.card.apdu.Hex;
import dev.shomei.card.apdu.Iso7816;
import dev.shomei.card.apdu.ResponseApdu;
import dev.shomei.card.apdu.StatusWords;
import dev.shomei.card.myna.InputAssistAp;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The input-assist AP as a state machine: {@link #process(byte[])} takes a command APDU and
 * answers like the card does.
 *
 * <ul>
 *   <li>SELECT the AP by DF name ({@code 00 A4 04 0C}); SELECT EF ({@code 00 A4 02 0C 02 FID});
 *       selecting the AP clears the PIN state. Other APs: {@code 6A 82}.</li>
 *   <li>VERIFY ({@code 00 20 00 80} after selecting EF 0011, or {@code 00 20 00 91}): without data
 *       it reports {@code 63 Cx} (or {@code 90 00} once verified) and consumes nothing; with the
 *       right PIN {@code 90 00} and the counter back at 3; a wrong PIN {@code 63 Cx}, the try that
 *       exhausts {@code 63 C0}; blocked {@code 69 84}. The counter is persisted (through the
 *       listener) before the answer, as a card writes its EEPROM before it answers.</li>
 *   <li>READ BINARY of the current EF (15-bit offset) or by short EF id ({@code P1 = 80|SFI});
 *       EF 0001..0003 before VERIFY: {@code 69 82}; offset past the end: {@code 6B 00}; fewer bytes
 *       left than Ne: the rest with {@code 62 82}; no Le: {@code 67 00}; PIN EFs: {@code 69 81}.</li>
 *   <li>{@link #reset()} is a power cycle: selection and PIN state are gone, the counter stays.</li>
 * </ul>
 * Unknown instruction {@code 6D 00}, class {@code 6E 00}, malformed APDU {@code 67 00}. Thread-safe.
 */
public final class VirtualCard {
    /** The contact ATR seen on real cards (T=1). */
    public static final byte[] DEFAULT_ATR = Hex.parse("3BE000FF8131FE4514");
    /** ISO 7816-4 "memory failure": the counter could not be written. */
    static final int SW_MEMORY_FAILURE = 0x6581;

    private static final Set<Integer> PIN_PROTECTED = Set.of(
            InputAssistAp.EF_MY_NUMBER, InputAssistAp.EF_BASIC_INFO, InputAssistAp.EF_SIGNATURE);
    private static final Set<Integer> NEVER_READABLE = Set.of(
            InputAssistAp.EF_PIN, InputAssistAp.EF_MATCHING_NUMBER_A, InputAssistAp.EF_MATCHING_NUMBER_B);
    private static final int NO_EF = -1;

    private final Map<Integer, byte[]> files;
    private final byte[] pin;
    private final byte[] atr;
    private final IntConsumer triesLeftStore;
    private int triesLeft;

    private boolean apSelected;
    private int currentEf = NO_EF;
    private boolean verified;

    /**
     * @param files          EF contents by file id (copied)
     * @param pin            the 4 ASCII digits (copied)
     * @param triesLeft      0..3
     * @param atr            answer to reset
     * @param triesLeftStore called with the new count whenever it changes (persists it); may throw
     */
    public VirtualCard(Map<Integer, byte[]> files, byte[] pin, int triesLeft, byte[] atr, IntConsumer triesLeftStore) {
        if (pin.length != InputAssistAp.PIN_LENGTH) {
            throw new IllegalArgumentException("the input-assist PIN has 4 digits");
        }
        if (triesLeft < 0 || triesLeft > InputAssistAp.MAX_PIN_TRIES) {
            throw new IllegalArgumentException("tries left must be 0..3");
        }
        this.files = new HashMap<>();
        files.forEach((id, content) -> this.files.put(id, content.clone()));
        this.pin = pin.clone();
        this.triesLeft = triesLeft;
        this.atr = atr.clone();
        this.triesLeftStore = triesLeftStore;
    }

    public byte[] atr() {
        return atr.clone();
    }

    public synchronized int triesLeft() {
        return triesLeft;
    }

    /** Power cycle: forgets the selection and the PIN state; the counter survives. */
    public synchronized void reset() {
        apSelected = false;
        currentEf = NO_EF;
        verified = false;
    }

    /** Answers one command APDU with data + SW1 SW2. Never throws. */
    public synchronized byte[] process(byte[] apdu) {
        CommandApdu command;
        try {
            command = CommandApdu.decode(apdu);
        } catch (IllegalArgumentException e) {
            return status(SW_WRONG_LENGTH);
        }
        if (command.cla() != Iso7816.CLA_ISO) {
            return status(SW_CLA_NOT_SUPPORTED);
        }
        try {
            return switch (command.ins()) {
                case Iso7816.INS_SELECT -> select(command);
                case Iso7816.INS_VERIFY -> verify(command);
                case Iso7816.INS_READ_BINARY -> readBinary(command);
                default -> status(SW_INS_NOT_SUPPORTED);
            };
        } finally {
            command.wipe();
        }
    }

    private byte[] select(CommandApdu c) {
        if (c.p2() != Iso7816.SELECT_NO_RESPONSE && c.p2() != 0x00) {
            return status(SW_INCORRECT_P1P2);
        }
        if (c.p1() == Iso7816.SELECT_BY_DF_NAME) {
            if (!Arrays.equals(c.data(), InputAssistAp.AID)) {
                return status(SW_FILE_NOT_FOUND);
            }
            apSelected = true;
            currentEf = NO_EF;
            verified = false;
            return status(SW_NO_ERROR);
        }
        if (c.p1() == Iso7816.SELECT_EF_UNDER_DF) {
            if (c.nc() != 2) {
                return status(SW_WRONG_LENGTH);
            }
            int fid = ((c.data()[0] & 0xFF) << 8) | (c.data()[1] & 0xFF);
            if (!apSelected || !exists(fid)) {
                return status(SW_FILE_NOT_FOUND);
            }
            currentEf = fid;
            return status(SW_NO_ERROR);
        }
        return status(SW_INCORRECT_P1P2);
    }

    private byte[] verify(CommandApdu c) {
        if (c.p1() != 0x00) {
            return status(SW_INCORRECT_P1P2);
        }
        int reference;
        if (c.p2() == Iso7816.VERIFY_SPECIFIC_REFERENCE) {
            reference = currentEf;
        } else if ((c.p2() & 0xE0) == Iso7816.VERIFY_SPECIFIC_REFERENCE) {
            reference = c.p2() & 0x1F;
        } else {
            return status(SW_INCORRECT_P1P2);
        }
        if (!apSelected || reference != InputAssistAp.EF_PIN) {
            return status(SW_REFERENCE_NOT_FOUND);
        }
        if (c.nc() == 0) {
            if (verified) {
                return status(SW_NO_ERROR);
            }
            return triesLeft == 0 ? status(SW_REFERENCE_DATA_NOT_USABLE) : status(StatusWords.verifyFailed(triesLeft));
        }
        if (triesLeft == 0) {
            return status(SW_REFERENCE_DATA_NOT_USABLE);
        }
        if (c.nc() != pin.length) {
            return status(SW_WRONG_LENGTH);
        }
        if (MessageDigest.isEqual(c.data(), pin)) {
            if (!store(InputAssistAp.MAX_PIN_TRIES)) {
                return status(SW_MEMORY_FAILURE);
            }
            triesLeft = InputAssistAp.MAX_PIN_TRIES;
            verified = true;
            return status(SW_NO_ERROR);
        }
        verified = false;
        // the try is spent even when it cannot be persisted: a read-only card file must not give unlimited tries
        triesLeft--;
        if (!store(triesLeft)) {
            return status(SW_MEMORY_FAILURE);
        }
        return status(StatusWords.verifyFailed(triesLeft));
    }

    private byte[] readBinary(CommandApdu c) {
        int fid;
        int offset;
        if ((c.p1() & Iso7816.READ_BINARY_SFI) != 0) {
            if ((c.p1() & 0x60) != 0) {
                return status(SW_INCORRECT_P1P2);
            }
            fid = c.p1() & 0x1F;
            if (!apSelected || !exists(fid)) {
                return status(SW_FILE_NOT_FOUND);
            }
            currentEf = fid;
            offset = c.p2();
        } else {
            if (currentEf == NO_EF) {
                return status(SW_COMMAND_NOT_ALLOWED_NO_EF);
            }
            fid = currentEf;
            offset = (c.p1() << 8) | c.p2();
        }
        if (c.ne() == 0) {
            return status(SW_WRONG_LENGTH);
        }
        if (NEVER_READABLE.contains(fid)) {
            return status(SW_FILE_INCOMPATIBLE);
        }
        if (PIN_PROTECTED.contains(fid) && !verified) {
            return status(SW_SECURITY_STATUS_NOT_SATISFIED);
        }
        byte[] content = files.get(fid);
        if (offset >= content.length) {
            return status(SW_WRONG_P1P2);
        }
        int count = Math.min(c.ne(), content.length - offset);
        return ResponseApdu.of(Arrays.copyOfRange(content, offset, offset + count),
                count < c.ne() ? SW_END_OF_FILE : SW_NO_ERROR).bytes();
    }

    private boolean exists(int fid) {
        return files.containsKey(fid) || NEVER_READABLE.contains(fid);
    }

    private boolean store(int newTriesLeft) {
        try {
            triesLeftStore.accept(newTriesLeft);
        } catch (RuntimeException e) {
            System.getLogger(VirtualCard.class.getName()).log(System.Logger.Level.WARNING,
                    "virtual card could not persist its PIN counter: " + e.getClass().getSimpleName());
            return false;
        }
        return true;
    }

    private static byte[] status(int sw) {
        return ResponseApdu.status(sw).bytes();
    }

    /** A copy of one EF's content (tests and the card file writer). */
    public synchronized byte[] file(int fid) {
        byte[] content = files.get(fid);
        return content == null ? null : content.clone();
    }

    /** A blocked card when the counter is at zero. */
    public synchronized boolean isBlocked() {
        return triesLeft == 0;
    }

    @Override
    public String toString() {
        return "VirtualCard[triesLeft=" + triesLeft() + "]";
    }
}
