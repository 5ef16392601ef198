package dev.shomei.kiosk.device;

import dev.shomei.card.data.CardFiles;
import dev.shomei.card.myna.InputAssistApClient;
import dev.shomei.card.transport.CardTransport;
import dev.shomei.card.transport.PcscReader;
import dev.shomei.card.transport.PcscReaders;
import dev.shomei.card.transport.TracingTransport;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.lang.System.Logger.Level;

/**
 * The kiosk's card reader over PC/SC ({@code javax.smartcardio}): the reader is chosen by its
 * configured name (see {@link PcscReaders#choose}); every card operation connects with exclusive
 * access, talks to the input-assist AP and releases the card. The APDU trace is masked by
 * {@link TracingTransport}.
 */
public final class PcscCardReader implements CardReaderPort {
    private static final System.Logger LOG = System.getLogger(PcscCardReader.class.getName());

    private final PcscReaders readers;
    private final String readerName;
    private volatile PcscReader reader;

    /** @param readerName the configured reader, or null when the machine has exactly one */
    public PcscCardReader(PcscReaders readers, String readerName) {
        this.readers = readers;
        this.readerName = readerName;
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

    /** The reader's name, once found. */
    public String readerName() {
        return reader().name();
    }

    private CardTransport connect() {
        return new TracingTransport(reader().connect());
    }

    private PcscReader reader() {
        PcscReader chosen = reader;
        if (chosen == null) {
            chosen = readers.choose(readerName);
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
