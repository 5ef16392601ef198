package dev.shomei.kiosk.cash.cctalk;

import java.io.IOException;

/** A byte line to the ccTalk bus: a serial port, or a pseudo-terminal in the tests. */
public interface SerialLine extends AutoCloseable {

    void write(byte[] bytes) throws IOException;

    /**
     * Reads what has arrived, waiting up to {@code timeoutMillis} for the first byte.
     *
     * @return bytes read, 0 on timeout
     * @throws IOException when the line is gone
     */
    int read(byte[] buffer, int offset, int timeoutMillis) throws IOException;

    @Override
    void close();
}
