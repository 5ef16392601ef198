package dev.shomei.card.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * A set of virtual readers behind a {@code javax.smartcardio} {@link TerminalFactory}, for
 * in-process tests and the demo: insert or yank a {@link VirtualCard} with {@link
 * VirtualCardTerminal#insert} / {@link VirtualCardTerminal#remove}.
 *
 * <pre>
 * VirtualTerminals readers = VirtualTerminals.of("Virtual Reader 0");
 * readers.terminal("Virtual Reader 0").insert(card);
 * TerminalFactory factory = readers.terminalFactory();   // what PcscReaders takes
 * </pre>
 */
public final class VirtualTerminals {
    /** Guards presence changes of every terminal in the set; waiters block on it. */
    final Object monitor = new Object();
    private final Map<String, VirtualCardTerminal> terminals = new LinkedHashMap<>();

    private VirtualTerminals() {
    }

    public static VirtualTerminals of(String... names) {
        VirtualTerminals set = new VirtualTerminals();
        for (String name : names) {
            if (set.terminals.put(name, new VirtualCardTerminal(name, set)) != null) {
                throw new IllegalArgumentException("reader name used twice: " + name);
            }
        }
        return set;
    }

    public VirtualCardTerminal terminal(String name) {
        VirtualCardTerminal terminal = terminals.get(name);
        if (terminal == null) {
            throw new NoSuchElementException("no virtual reader named " + name);
        }
        return terminal;
    }

    public List<VirtualCardTerminal> all() {
        return List.copyOf(terminals.values());
    }

    /** A {@link TerminalFactory} of type {@link VirtualSmartcardProvider#TYPE} over these readers. */
    public TerminalFactory terminalFactory() {
        try {
            return TerminalFactory.getInstance(VirtualSmartcardProvider.TYPE, this, VirtualSmartcardProvider.INSTANCE);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("virtual smart-card provider not usable", e);
        }
    }

    CardTerminals cardTerminals() {
        return new Terminals();
    }

    void changed() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** The CardTerminals view; CARD_INSERTION / CARD_REMOVAL compare with the last waitForChange. */
    private final class Terminals extends CardTerminals {
        private final Map<String, Boolean> lastSeen = new LinkedHashMap<>();

        Terminals() {
            snapshot(lastSeen);
        }

        @Override
        public List<CardTerminal> list(State state) throws CardException {
            List<CardTerminal> out = new ArrayList<>();
            synchronized (monitor) {
                for (VirtualCardTerminal t : terminals.values()) {
                    boolean present = t.isCardPresent();
                    boolean before = lastSeen.getOrDefault(t.getName(), false);
                    boolean include = switch (state) {
                        case ALL -> true;
                        case CARD_PRESENT -> present;
                        case CARD_ABSENT -> !present;
                        case CARD_INSERTION -> present && !before;
                        case CARD_REMOVAL -> !present && before;
                    };
                    if (include) {
                        out.add(t);
                    }
                }
            }
            return Collections.unmodifiableList(out);
        }

        @Override
        public boolean waitForChange(long timeout) throws CardException {
            if (timeout < 0) {
                throw new IllegalArgumentException("timeout must not be negative");
            }
            long deadline = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
            synchronized (monitor) {
                Map<String, Boolean> now = new LinkedHashMap<>();
                while (true) {
                    now.clear();
                    snapshot(now);
                    if (!now.equals(lastSeen)) {
                        lastSeen.clear();
                        lastSeen.putAll(now);
                        return true;
                    }
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
            }
        }

        private void snapshot(Map<String, Boolean> into) {
            synchronized (monitor) {
                terminals.values().forEach(t -> into.put(t.getName(), t.isCardPresent()));
            }
        }
    }
}
