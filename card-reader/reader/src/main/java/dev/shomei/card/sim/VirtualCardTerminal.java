package dev.shomei.card.sim;

import java.nio.ByteBuffer;
import java.util.Optional;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * One virtual reader. Errors imitate the JDK's PC/SC provider: a yanked card fails the next
 * transmit with {@code CardException("SCARD_W_REMOVED_CARD")}, connecting to an empty reader
 * throws {@link CardNotPresentException}, a second exclusive holder gets
 * {@code SCARD_E_SHARING_VIOLATION}.
 */
public final class VirtualCardTerminal extends CardTerminal {
    private final String name;
    private final VirtualTerminals set;
    private final Object monitor;

    private VirtualCard card;
    private long generation;
    private int commandsUntilRemoval = -1;
    private Handle exclusiveOwner;

    VirtualCardTerminal(String name, VirtualTerminals set) {
        this.name = name;
        this.set = set;
        this.monitor = set.monitor;
    }

    /** Puts a card in the reader (powered up fresh). */
    public void insert(VirtualCard newCard) {
        synchronized (monitor) {
            if (card != null) {
                throw new IllegalStateException("a card is already in " + name);
            }
            newCard.reset();
            card = newCard;
            generation++;
            commandsUntilRemoval = -1;
            exclusiveOwner = null;
            set.changed();
        }
    }

    /** Takes the card out, as a resident yanking it would; open connections fail from now on. */
    public void remove() {
        synchronized (monitor) {
            if (card != null) {
                card.reset();
            }
            card = null;
            generation++;
            commandsUntilRemoval = -1;
            exclusiveOwner = null;
            set.changed();
        }
    }

    /**
     * Yanks the card when the next {@code commands} APDUs have been answered: the one after them
     * finds no card. {@code 0} yanks it at the next APDU.
     */
    public void removeCardAfter(int commands) {
        if (commands < 0) {
            throw new IllegalArgumentException("commands must not be negative");
        }
        synchronized (monitor) {
            commandsUntilRemoval = commands;
        }
    }

    /** The card in the reader, if any. */
    public Optional<VirtualCard> card() {
        synchronized (monitor) {
            return Optional.ofNullable(card);
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Card connect(String protocol) throws CardException {
        if (!protocol.equals("*") && !protocol.equals("T=0") && !protocol.equals("T=1") && !protocol.equals("T=CL")
                && !protocol.equals("DIRECT")) {
            throw new IllegalArgumentException("unsupported protocol " + protocol);
        }
        synchronized (monitor) {
            if (card == null) {
                throw new CardNotPresentException("No card present", new CardException("SCARD_E_NO_SMARTCARD"));
            }
            return new Handle(card, generation, protocol.equals("*") ? "T=1" : protocol);
        }
    }

    @Override
    public boolean isCardPresent() {
        synchronized (monitor) {
            return card != null;
        }
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return waitFor(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return waitFor(false, timeout);
    }

    private boolean waitFor(boolean present, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        synchronized (monitor) {
            while ((card != null) != present) {
                long waitMs = timeout == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
                if (timeout != 0 && waitMs <= 0) {
                    return false;
                }
                try {
                    monitor.wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CardException("SCARD_E_CANCELLED: interrupted");
                }
            }
            return true;
        }
    }

    private VirtualCard cardFor(Handle handle) throws CardException {
        synchronized (monitor) {
            if (card == null || handle.generation != generation) {
                throw new CardException("SCARD_W_REMOVED_CARD");
            }
            if (exclusiveOwner != null && exclusiveOwner != handle) {
                throw new CardException("SCARD_E_SHARING_VIOLATION");
            }
            if (commandsUntilRemoval == 0) {
                remove();
                throw new CardException("SCARD_W_REMOVED_CARD");
            }
            if (commandsUntilRemoval > 0) {
                commandsUntilRemoval--;
            }
            return card;
        }
    }

    @Override
    public String toString() {
        return "VirtualCardTerminal[" + name + "]";
    }

    /** A connection to the card, like the JDK's CardImpl. */
    private final class Handle extends Card {
        private final VirtualCard connected;
        private final long generation;
        private final String protocol;
        private final Channel basic = new Channel();
        private volatile boolean disconnected;

        Handle(VirtualCard connected, long generation, String protocol) {
            this.connected = connected;
            this.generation = generation;
            this.protocol = protocol;
        }

        private void checkConnected() {
            if (disconnected) {
                throw new IllegalStateException("Card has been disconnected");
            }
        }

        @Override
        public ATR getATR() {
            return new ATR(connected.atr());
        }

        @Override
        public String getProtocol() {
            return protocol;
        }

        @Override
        public CardChannel getBasicChannel() {
            checkConnected();
            return basic;
        }

        @Override
        public CardChannel openLogicalChannel() throws CardException {
            checkConnected();
            throw new CardException("SCARD_E_UNSUPPORTED_FEATURE: no logical channels");
        }

        @Override
        public void beginExclusive() throws CardException {
            checkConnected();
            synchronized (monitor) {
                cardPresentFor(this);
                if (exclusiveOwner != null && exclusiveOwner != this) {
                    throw new CardException("SCARD_E_SHARING_VIOLATION");
                }
                exclusiveOwner = this;
            }
        }

        @Override
        public void endExclusive() throws CardException {
            checkConnected();
            synchronized (monitor) {
                cardPresentFor(this);
                if (exclusiveOwner != this) {
                    throw new IllegalStateException("no exclusive access held");
                }
                exclusiveOwner = null;
            }
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
            checkConnected();
            throw new CardException("SCARD_E_UNSUPPORTED_FEATURE: no control commands");
        }

        @Override
        public void disconnect(boolean reset) throws CardException {
            if (disconnected) {
                return;
            }
            disconnected = true;
            synchronized (monitor) {
                if (exclusiveOwner == this) {
                    exclusiveOwner = null;
                }
                if (reset && card == connected && generation == VirtualCardTerminal.this.generation) {
                    connected.reset();
                }
            }
        }

        private void cardPresentFor(Handle handle) throws CardException {
            if (card == null || handle.generation != VirtualCardTerminal.this.generation) {
                throw new CardException("SCARD_W_REMOVED_CARD");
            }
        }

        byte[] transmit(byte[] apdu) throws CardException {
            checkConnected();
            return cardFor(this).process(apdu);
        }

        private final class Channel extends CardChannel {
            @Override
            public Card getCard() {
                return Handle.this;
            }

            @Override
            public int getChannelNumber() {
                checkConnected();
                return 0;
            }

            @Override
            public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                return new ResponseAPDU(Handle.this.transmit(command.getBytes()));
            }

            @Override
            public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
                byte[] apdu = new byte[command.remaining()];
                command.get(apdu);
                byte[] answer;
                try {
                    answer = Handle.this.transmit(apdu);
                } finally {
                    java.util.Arrays.fill(apdu, (byte) 0);
                }
                if (response.remaining() < answer.length) {
                    throw new IllegalArgumentException("Insufficient space in response buffer");
                }
                response.put(answer);
                java.util.Arrays.fill(answer, (byte) 0);
                return answer.length;
            }

            @Override
            public void close() {
                throw new IllegalStateException("Cannot close basic logical channel");
            }
        }
    }
}
