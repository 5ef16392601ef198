package dev.shomei.kiosk.testing;

import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.kiosk.device.PrinterStatus;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.util.ArrayList;
import java.util.List;

/** A printer fake that keeps (copies of) what it printed and can be told to fail. Unit tests only. */
public final class FakePrinter implements PrinterPort {
    /** Closed: the next card, center or print operation waits for the test. */
    public final Gate gate = new Gate();
    private volatile boolean failing;
    public final List<byte[]> printed = new ArrayList<>();
    /** The arrays the session handed over, to check that they were wiped. */
    public final List<byte[]> arraysSeen = new ArrayList<>();
    public final List<String> jobNames = new ArrayList<>();

    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    @Override
    public synchronized void print(byte[] pdf, String jobName, int sheets) {
        jobNames.add(jobName);
        gate.pass();
        arraysSeen.add(pdf);
        if (failing) {
            throw new ShomeiException(ErrorCode.PRINTER_ERROR, "paper jam");
        }
        printed.add(pdf.clone());
    }

    @Override
    public PrinterStatus status() {
        return new PrinterStatus(failing ? DeviceStatus.FAULT : DeviceStatus.OK, 80, 70);
    }
}
