package dev.shomei.kiosk.device;

import dev.shomei.protocol.line.DeviceStatus;

/** What the heartbeat reports about the printer. Percentages are 0..100. */
public record PrinterStatus(DeviceStatus printer, int paperPercent, int tonerPercent) {

    public PrinterStatus {
        if (printer == null) {
            throw new IllegalArgumentException("printer status is required");
        }
        if (paperPercent < 0 || paperPercent > 100 || tonerPercent < 0 || tonerPercent > 100) {
            throw new IllegalArgumentException("paper and toner are percentages");
        }
    }
}
