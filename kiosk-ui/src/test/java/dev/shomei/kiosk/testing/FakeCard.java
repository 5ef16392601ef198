package dev.shomei.kiosk.testing;

import dev.shomei.card.data.CardFiles;
import dev.shomei.kiosk.device.CardReaderPort;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A card reader fake with the input-assist AP's PIN rules: a wrong PIN costs a try, the try that
 * exhausts the counter answers PIN_BLOCKED, a blocked card takes no VERIFY. Unit tests only.
 */
public final class FakeCard implements CardReaderPort {
    /** Closed: the next card, center or print operation waits for the test. */
    public final Gate gate = new Gate();
    public static final byte[] EF0001 = bytes("FF100C123456789018FFFF");
    public static final byte[] EF0002 = "four info: name, address, birth date, sex".getBytes(StandardCharsets.UTF_8);
    public static final byte[] EF0003 = bytes("FF3001AA");
    public static final byte[] EF0004 = bytes("7F2101BB");

    private final char[] pin;
    /** What EF 0002 holds: by default bytes that are no basic-info file (no address, no shortcut). */
    private volatile byte[] ef0002 = EF0002;
    private volatile boolean present;
    private volatile int triesLeft = 3;
    private volatile ShomeiException triesLeftFailure;
    private volatile ShomeiException readFailure;
    private volatile int verifies;
    /** The PIN arrays the session handed over, to check that they were wiped. */
    public final List<char[]> pinsSeen = new ArrayList<>();
    /** The card files handed out, to check that they were wiped. */
    public final List<CardFiles> filesHandedOut = new ArrayList<>();

    public FakeCard(String pin) {
        this.pin = pin.toCharArray();
    }

    /** A card whose EF 0002 is a real basic-info file with this address. */
    public FakeCard livingAt(String address) {
        ef0002 = dev.shomei.card.data.BasicInfoFile.encode(new dev.shomei.card.data.BasicInfo("山田　花子", address,
                java.time.LocalDate.of(1980, 4, 1), dev.shomei.card.data.Sex.FEMALE));
        return this;
    }

    public void setPresent(boolean present) {
        this.present = present;
    }

    public void setTriesLeft(int triesLeft) {
        this.triesLeft = triesLeft;
    }

    public void failTriesLeft(ShomeiException failure) {
        this.triesLeftFailure = failure;
    }

    public void failRead(ShomeiException failure) {
        this.readFailure = failure;
    }

    public int verifies() {
        return verifies;
    }

    public int triesLeftNow() {
        return triesLeft;
    }

    @Override
    public boolean cardPresent() {
        return present;
    }

    @Override
    public int pinTriesLeft() {
        gate.pass();
        if (triesLeftFailure != null) {
            throw triesLeftFailure;
        }
        return triesLeft;
    }

    @Override
    public synchronized CardFiles verifyPinAndRead(char[] candidate) {
        gate.pass();
        pinsSeen.add(candidate);
        if (readFailure != null) {
            throw readFailure;
        }
        if (triesLeft == 0) {
            throw new ShomeiException(ErrorCode.PIN_BLOCKED, "blocked");
        }
        verifies++;
        if (!Arrays.equals(candidate, pin)) {
            triesLeft--;
            throw new ShomeiException(triesLeft == 0 ? ErrorCode.PIN_BLOCKED : ErrorCode.PIN_INCORRECT, "wrong PIN");
        }
        triesLeft = 3;
        CardFiles files = new CardFiles(EF0001.clone(), ef0002.clone(), EF0003.clone(), EF0004.clone());
        filesHandedOut.add(files);
        return files;
    }

    @Override
    public DeviceStatus status() {
        return DeviceStatus.OK;
    }

    private static byte[] bytes(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
