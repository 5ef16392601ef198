package dev.shomei.system.faults;

import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.kiosk.device.PrinterStatus;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A kiosk printer that prints (counts the job) or fails the way a real one does after the
 * payment: out of paper before a sheet moves, or jammed half-way through the job.
 */
final class FaultPrinter implements PrinterPort {
    enum Mode { WORKS, OUT_OF_PAPER, JAMMED }

    private volatile Mode mode = Mode.WORKS;
    final AtomicInteger printed = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** Working again, counters at zero: each test counts its own jobs. */
    void reset() {
        mode = Mode.WORKS;
        printed.set(0);
        attempts.set(0);
    }

    @Override
    public void print(byte[] pdf, String jobName, int sheets) {
        attempts.incrementAndGet();
        switch (mode) {
            case OUT_OF_PAPER -> throw new ShomeiException(ErrorCode.PRINTER_ERROR, "out of paper");
            case JAMMED -> throw new ShomeiException(ErrorCode.PRINTER_ERROR, "paper jam after the first sheet");
            case WORKS -> {
                if (pdf.length < 1000 || pdf[0] != '%') {
                    throw new AssertionError("not a PDF");
                }
                printed.incrementAndGet();
            }
        }
    }

    @Override
    public PrinterStatus status() {
        return new PrinterStatus(mode == Mode.WORKS ? DeviceStatus.OK : DeviceStatus.FAULT, mode == Mode.OUT_OF_PAPER ? 0 : 80, 70);
    }
}
