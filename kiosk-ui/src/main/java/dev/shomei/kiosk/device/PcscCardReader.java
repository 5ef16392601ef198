package dev.shomei.kiosk.device;

import dev.shomei.card.data.CardFiles;
import dev.shomei.card.myna.InputAssistApClient;
import dev.shomei.card.transport.CardTransport;
import dev.shomei.card.transport.PcscReader;
import dev.shomei.card.transport.PcscReaders;
import dev.shomei.card.transport.TracingTransport;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.lang.System.Logger.Level;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.smartcardio.TerminalFactory;

/**
 * The kiosk's card reader over PC/SC ({@code javax.smartcardio}): the reader is chosen by its
 * configured name (see {@link PcscReaders#choose}); every card operation connects with exclusive
 * access, talks to the input-assist AP and releases the card. A reader that goes away (unplugged,
 * pcscd restarted) is looked up again. The APDU trace is masked by {@link TracingTransport}.
 */
public final class PcscCardReader implements CardReaderPort {
    private static final System.Logger LOG = System.getLogger(PcscCardReader.class.getName());
    /** After a failed look-up, the reader is looked for again no sooner than this. */
    private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Supplier<PcscReaders> readers;
    private final String readerName;
    private volatile PcscReader reader;
    private volatile long nextLookup;

    /**
     * @param readers    the readers to choose from, asked again whenever the chosen one is gone
     * @param readerName the configured reader, or null when the machine has exactly one
     */
    public PcscCardReader(Supplier<PcscReaders> readers, String readerName) {
        this.readers = readers;
        this.readerName = readerName;
    }

    /** The machine's PC/SC readers (pcscd), looked up afresh when the reader is gone. */
    public static PcscCardReader system(String readerName) {
        return new PcscCardReader(PcscCardReader::freshSystemReaders, readerName);
    }

    /**
     * A new PC/SC terminal factory. Not {@code TerminalFactory.getDefault()}: the JDK makes that once
     * per JVM and keeps "None" for good when pcscd was not running at that moment.
     */
    public static PcscReaders freshSystemReaders() {
        PcscReaders.system(); // points the JDK at Debian's libpcsclite where it would not look
        try {
            return new PcscReaders(TerminalFactory.getInstance("PC/SC", null));
        } catch (NoSuchAlgorithmException e) {
            throw new ShomeiException(ErrorCode.CARD_UNREADABLE, "no PC/SC service (is pcscd running?)");
        }
    }

    @Override
    public boolean cardPresent() {
        try {
            return reader().isCardPresent();
        } catch (ShomeiException e) {
            forgetReader();
            return false;
        }
    }

    @Override
    public int pinTriesLeft() {
        try (CardTransport transport = connect()) {
            return InputAssistApClient.select(transport).triesLeft();
        }
    }

    @Override
    public CardFiles verifyPinAndRead(char[] pin) {
        try (CardTransport transport = connect()) {
            InputAssistApClient ap = InputAssistApClient.select(transport);
            ap.verifyPin(pin);
            return ap.readFiles();
        }
    }

    @Override
    public DeviceStatus status() {
        try {
            reader().isCardPresent();
            return DeviceStatus.OK;
        } catch (ShomeiException e) {
            forgetReader();
            return DeviceStatus.ABSENT;
        }
    }

    private CardTransport connect() {
        return new TracingTransport(reader().connect());
    }

    private PcscReader reader() {
        PcscReader chosen = reader;
        if (chosen == null) {
            if (System.nanoTime() < nextLookup) {
                throw new ShomeiException(ErrorCode.CARD_UNREADABLE, "card reader not available");
            }
            try {
                chosen = readers.get().choose(readerName);
            } catch (ShomeiException e) {
                nextLookup = System.nanoTime() + RETRY_NANOS;
                throw e;
            }
            reader = chosen;
            LOG.log(Level.INFO, "card reader {0}", chosen.name());
        }
        return chosen;
    }

    /** A reader that went away (unplugged, pcscd restarted) is looked up again next time. */
    private void forgetReader() {
        reader = null;
    }
}
