package dev.shomei.kiosk.cash.cctalk;

import java.io.IOException;
import java.util.Arrays;

/**
 * The host side of a ccTalk bus: one request, one reply, one at a time. A bus wired as a single
 * data line hears the host's own request back; such an echo (a frame from the host) is skipped.
 * No reply within the timeout, a NAK or a damaged frame is an {@link IOException}.
 */
public final class CcTalkBus implements AutoCloseable {
    private final SerialLine line;
    private final int timeoutMillis;
    private final byte[] buffer = new byte[512];

    public CcTalkBus(SerialLine line, int timeoutMillis) {
        this.line = line;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends {@code header} with {@code data} to {@code address}; answers the reply's data. */
    public synchronized byte[] request(int address, int header, byte... data) throws IOException {
        line.write(new CcTalkFrame(address, CcTalkFrame.HOST, header, data).encode());
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int length = 0;
        while (true) {
            CcTalkFrame frame;
            try {
                frame = CcTalkFrame.decode(buffer, length);
            } catch (IllegalArgumentException e) {
                throw new IOException("damaged ccTalk reply from address " + address);
            }
            if (frame != null) {
                System.arraycopy(buffer, frame.size(), buffer, 0, length - frame.size());
                length -= frame.size();
                if (frame.source() == CcTalkFrame.HOST) {
                    continue; // our own request, echoed by the bus
                }
                if (frame.source() != address || frame.destination() != CcTalkFrame.HOST) {
                    throw new IOException("unexpected ccTalk reply from address " + frame.source());
                }
                if (frame.header() == CcTalkFrame.NAK) {
                    throw new IOException("address " + address + " refused header " + header);
                }
                return frame.data();
            }
            int wait = (int) ((deadline - System.nanoTime()) / 1_000_000L);
            if (wait <= 0) {
                throw new IOException("no ccTalk reply from address " + address + " to header " + header);
            }
            if (length == buffer.length) {
                Arrays.fill(buffer, (byte) 0);
                throw new IOException("ccTalk line noise");
            }
            length += line.read(buffer, length, wait);
        }
    }

    @Override
    public void close() {
        line.close();
    }
}
