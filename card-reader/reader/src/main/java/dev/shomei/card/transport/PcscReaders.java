package dev.shomei.card.transport;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * The card readers of one {@link TerminalFactory} (PC/SC by default), and the choice of the one to
 * use: by configured name; with one reader and none configured, that one; with several and none
 * configured, an error listing them, never silently the first.
 */
public final class PcscReaders {
    /** The JDK's switch for the PC/SC library it loads. */
    public static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    /** Debian/Ubuntu's multiarch location, which some JDKs do not search. */
    static final List<Path> DEBIAN_LIBRARIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"),
            Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"));
    private static final Logger LOG = System.getLogger(PcscReaders.class.getName());

    private final TerminalFactory factory;

    public PcscReaders(TerminalFactory factory) {
        this.factory = factory;
    }

    /**
     * The system's PC/SC readers ({@code TerminalFactory.getDefault()}), pointing the JDK at the
     * Debian libpcsclite when no library is configured.
     */
    public static PcscReaders system() {
        if (System.getProperty(LIBRARY_PROPERTY) == null) {
            DEBIAN_LIBRARIES.stream().filter(Files::exists).findFirst()
                    .ifPresent(lib -> System.setProperty(LIBRARY_PROPERTY, lib.toString()));
        }
        return new PcscReaders(TerminalFactory.getDefault());
    }

    /** Names of all readers; empty when there are none. */
    public List<String> names() {
        return terminals().stream().map(CardTerminal::getName).toList();
    }

    /**
     * The reader to use.
     *
     * @param configuredName the configured reader name, or null
     * @throws ShomeiException {@code CARD_UNREADABLE} when there is no reader, the configured one is
     *         missing, or several exist and none is configured; the message lists the readers
     */
    public PcscReader choose(String configuredName) {
        List<CardTerminal> terminals = terminals();
        List<String> names = terminals.stream().map(CardTerminal::getName).toList();
        if (terminals.isEmpty()) {
            throw new ShomeiException(ErrorCode.CARD_UNREADABLE, "no card reader found");
        }
        if (configuredName != null) {
            Optional<CardTerminal> match = terminals.stream().filter(t -> t.getName().equals(configuredName)).findFirst();
            return new PcscReader(match.orElseThrow(() -> new ShomeiException(ErrorCode.CARD_UNREADABLE,
                    "reader \"" + configuredName + "\" not found; readers: " + names)));
        }
        if (terminals.size() > 1) {
            throw new ShomeiException(ErrorCode.CARD_UNREADABLE,
                    terminals.size() + " readers and none configured, choose one of " + names);
        }
        LOG.log(Level.DEBUG, "using the only reader {0}", names.get(0));
        return new PcscReader(terminals.get(0));
    }

    private List<CardTerminal> terminals() {
        try {
            return factory.terminals().list();
        } catch (CardException e) {
            if (PcscErrors.pcscName(e).filter("SCARD_E_NO_READERS_AVAILABLE"::equals).isPresent()) {
                return List.of();
            }
            throw PcscErrors.map("listing card readers", e);
        }
    }
}
