package dev.shomei.kiosk.device;

import dev.shomei.printing.printer.PrintJob;
import dev.shomei.printing.printer.Printer;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;

/**
 * A printing-module {@link Printer} as the kiosk's printer. The printer itself reports no paper or
 * toner, so the kiosk counts: a tray of {@code paperCapacity} sheets and a cartridge good for
 * {@code tonerCapacity} pages, both full at start (staff refill = restart). A failed job marks the
 * printer FAULT until a job succeeds again.
 */
public final class JobPrinter implements PrinterPort {
    private final Printer printer;
    private final int paperCapacity;
    private final int tonerCapacity;
    private int paperLeft;
    private int tonerLeft;
    private boolean failed;

    public JobPrinter(Printer printer, int paperCapacity, int tonerCapacity) {
        if (paperCapacity < 1 || tonerCapacity < 1) {
            throw new IllegalArgumentException("capacities must be positive");
        }
        this.printer = printer;
        this.paperCapacity = paperCapacity;
        this.tonerCapacity = tonerCapacity;
        this.paperLeft = paperCapacity;
        this.tonerLeft = tonerCapacity;
    }

    @Override
    public void print(byte[] pdf, String jobName, int sheets) {
        // the job holds the caller's array: wiping stays the caller's (the session's) job
        PrintJob job = new PrintJob(jobName, pdf, 1);
        try {
            printer.print(job);
        } catch (ShomeiException e) {
            markFailed();
            throw e;
        }
        printed(sheets);
    }

    @Override
    public synchronized PrinterStatus status() {
        DeviceStatus state = failed ? DeviceStatus.FAULT
                : paperLeft * 10 < paperCapacity || tonerLeft * 10 < tonerCapacity ? DeviceStatus.WARNING
                : DeviceStatus.OK;
        return new PrinterStatus(state, percent(paperLeft, paperCapacity), percent(tonerLeft, tonerCapacity));
    }

    private synchronized void markFailed() {
        failed = true;
    }

    private synchronized void printed(int sheets) {
        failed = false;
        paperLeft = Math.max(0, paperLeft - Math.max(1, sheets));
        tonerLeft = Math.max(0, tonerLeft - Math.max(1, sheets));
    }

    private static int percent(int left, int capacity) {
        return (int) Math.round(100.0 * left / capacity);
    }
}
