package dev.shomei.kiosk.cash.cctalk;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;

/** A serial port (or a pseudo-terminal) opened with jSerialComm, 9600 8N1 as ccTalk asks. */
public final class JSerialCommLine implements SerialLine {
    private final SerialPort port;
    private final String name;

    private JSerialCommLine(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /** @throws IOException when the port cannot be opened */
    public static JSerialCommLine open(String device) throws IOException {
        SerialPort port = SerialPort.getCommPort(device);
        port.setComPortParameters(9600, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        if (!port.openPort()) {
            throw new IOException("cannot open the serial port " + device);
        }
        return new JSerialCommLine(port, device);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (port.writeBytes(bytes, bytes.length) != bytes.length) {
            throw new IOException("write to " + name + " failed");
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int timeoutMillis) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, timeoutMillis, 0);
        int n = port.readBytes(buffer, buffer.length - offset, offset);
        if (n < 0) {
            throw new IOException("read from " + name + " failed: the device is gone");
        }
        return n;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
