package dev.shomei.kiosk.demo;

import dev.shomei.card.sim.VirtualCard;
import dev.shomei.card.sim.VirtualTerminals;
import dev.shomei.card.sim.VpcdClient;
import dev.shomei.card.transport.PcscReaders;
import dev.shomei.kiosk.device.CardReaderPort;
import dev.shomei.kiosk.device.CardSlot;
import dev.shomei.kiosk.device.PcscCardReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * A virtual My Number card in a reader, for the demo and headless mode. Two ways: behind the real
 * pcscd through vsmartcard's vpcd (reader {@value VpcdClient#DEFAULT_READER}), or in this process
 * through the virtual {@code javax.smartcardio} provider. Either way the kiosk reads it through
 * {@code javax.smartcardio}, exactly like a real card.
 */
public final class DemoCard implements CardSlot, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DemoCard.class.getName());
    /** The in-process reader's name. */
    public static final String IN_PROCESS_READER = "Shomei Virtual Reader 0";
    private static final Duration VPCD_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final VirtualCard card;
    private final CardReaderPort reader;
    private final VirtualTerminals terminals;
    private final String description;
    private VpcdClient vpcd;

    private DemoCard(VirtualCard card, CardReaderPort reader, VirtualTerminals terminals, String description) {
        this.card = card;
        this.reader = reader;
        this.terminals = terminals;
        this.description = description;
    }

    /** The card in an in-process virtual reader, inserted. */
    public static DemoCard inProcess(VirtualCard card) {
        VirtualTerminals terminals = VirtualTerminals.of(IN_PROCESS_READER);
        PcscReaders readers = new PcscReaders(terminals.terminalFactory());
        DemoCard demo = new DemoCard(card, new PcscCardReader(() -> readers, IN_PROCESS_READER),
                terminals, "in-process virtual reader \"" + IN_PROCESS_READER + "\" (pcscd with vpcd not found)");
        demo.insertCard();
        return demo;
    }

    /** The card behind the real pcscd, in vpcd's reader, inserted. */
    public static DemoCard viaVpcd(VirtualCard card) {
        DemoCard demo = new DemoCard(card, PcscCardReader.system(VpcdClient.DEFAULT_READER), null,
                "real pcscd, vpcd reader \"" + VpcdClient.DEFAULT_READER + "\"");
        demo.insertCard();
        return demo;
    }

    /** Through pcscd + vpcd when pcscd lists vpcd's reader, else in-process. */
    public static DemoCard start(VirtualCard card) {
        try {
            if (PcscCardReader.freshSystemReaders().names().contains(VpcdClient.DEFAULT_READER)) {
                return viaVpcd(card);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "no PC/SC service: {0}", e.getClass().getName());
        }
        return inProcess(card);
    }

    public CardReaderPort reader() {
        return reader;
    }

    /** Which way the card is exposed, for the start-up message. */
    public String description() {
        return description;
    }

    @Override
    public synchronized void insertCard() {
        if (terminals != null) {
            if (terminals.terminal(IN_PROCESS_READER).card().isEmpty()) {
                terminals.terminal(IN_PROCESS_READER).insert(card);
            }
            return;
        }
        if (vpcd != null && vpcd.isConnected()) {
            return;
        }
        try {
            vpcd = VpcdClient.connect(card, "127.0.0.1", VpcdClient.DEFAULT_PORT, VPCD_CONNECT_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException("vpcd not reachable", e);
        }
    }

    @Override
    public synchronized void removeCard() {
        if (terminals != null) {
            terminals.terminal(IN_PROCESS_READER).remove();
            return;
        }
        if (vpcd != null) {
            vpcd.close();
            vpcd = null;
        }
    }

    @Override
    public void close() {
        removeCard();
    }
}
