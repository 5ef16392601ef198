package dev.shomei.card.sim;

import java.io.Serial;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/**
 * The {@code javax.smartcardio} provider behind {@link VirtualTerminals#terminalFactory()}. It is
 * passed explicitly to {@code TerminalFactory.getInstance}; it is never installed globally.
 */
public final class VirtualSmartcardProvider extends Provider {
    @Serial
    private static final long serialVersionUID = 1L;
    public static final String TYPE = "ShomeiVirtual";
    static final VirtualSmartcardProvider INSTANCE = new VirtualSmartcardProvider();

    private VirtualSmartcardProvider() {
        super("ShomeiVirtualCard", "1.0", "shomei virtual My Number card readers");
        putService(new FactoryService(this));
    }

    private static final class FactoryService extends Service {
        FactoryService(Provider provider) {
            super(provider, "TerminalFactory", TYPE, Spi.class.getName(), List.of(), Map.of());
        }

        @Override
        public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
            if (!(parameter instanceof VirtualTerminals terminals)) {
                throw new NoSuchAlgorithmException("the " + TYPE + " factory needs a VirtualTerminals parameter");
            }
            return new Spi(terminals);
        }
    }

    static final class Spi extends TerminalFactorySpi {
        private final VirtualTerminals terminals;

        Spi(VirtualTerminals terminals) {
            this.terminals = terminals;
        }

        @Override
        protected CardTerminals engineTerminals() {
            return terminals.cardTerminals();
        }
    }
}
