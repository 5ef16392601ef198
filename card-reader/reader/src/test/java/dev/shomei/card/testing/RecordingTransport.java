package dev.shomei.card.testing;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.transport.CardTransport;
import java.util.ArrayList;
import java.util.List;

/** Records every command (as hex) sent through it. */
public final class RecordingTransport implements CardTransport {
    private final CardTransport inner;
    private final List<String> commands = new ArrayList<>();

    public RecordingTransport(CardTransport inner) {
        this.inner = inner;
    }

    @Override
    public byte[] transceive(byte[] command) {
        commands.add(Hex.of(command));
        return inner.transceive(command);
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** VERIFY commands that carry a PIN. */
    public long verifiesWithPin() {
        return commands.stream().filter(c -> c.startsWith("00200091") && c.length() > 8).count();
    }

    @Override
    public void close() {
        inner.close();
    }
}
