package dev.shomei.card.transport;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Logs every APDU at DEBUG on the logger {@value #LOGGER} ({@code >>} command, {@code <<}
 * response), masked by {@link ApduTraceFormatter}: never a PIN, never the content of EF 0001..0003,
 * whatever the log level. A card removed mid-command is logged as the error code only.
 */
public final class TracingTransport implements CardTransport {
    public static final String LOGGER = "dev.shomei.card.apdu";
    private static final Logger LOG = System.getLogger(LOGGER);

    private final CardTransport inner;
    private final ApduTraceFormatter formatter = new ApduTraceFormatter();

    public TracingTransport(CardTransport inner) {
        this.inner = inner;
    }

    @Override
    public byte[] transceive(byte[] command) {
        boolean trace = LOG.isLoggable(Level.DEBUG);
        if (trace) {
            LOG.log(Level.DEBUG, ">> " + formatter.command(command));
        }
        byte[] response;
        try {
            response = inner.transceive(command);
        } catch (dev.shomei.protocol.ShomeiException e) {
            if (trace) {
                LOG.log(Level.DEBUG, "<< " + e.code());
            }
            throw e;
        }
        // always track the selection, so the masking stays right if the level changes mid-session
        String formatted = formatter.response(command, response);
        if (trace) {
            LOG.log(Level.DEBUG, "<< " + formatted);
        }
        return response;
    }

    @Override
    public void close() {
        inner.close();
    }
}
