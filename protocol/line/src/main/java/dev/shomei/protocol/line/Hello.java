package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.FIRMWARE_VERSION_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.TERMINAL_ID_MAX_BYTES;

/**
 * kiosk -> center, the first message on a connection. The center checks that {@code terminalId}
 * equals the CN of the kiosk's client certificate and answers {@link Ack} or {@link Refusal}.
 */
public record Hello(String terminalId, String firmwareVersion) implements LineMessage {

    public Hello {
        Checks.identifier("terminalId", terminalId, TERMINAL_ID_MAX_BYTES);
        Checks.printableAscii("firmwareVersion", firmwareVersion, FIRMWARE_VERSION_MAX_BYTES);
    }

    @Override
    public MessageType type() {
        return MessageType.HELLO;
    }
}
