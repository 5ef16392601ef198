package dev.shomei.kiosk.cash.cctalk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two pseudo-terminals joined by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: what one end
 * writes the other reads, like a serial cable. The kiosk's driver opens one, the device emulator the other.
 */
public final class SocatPtyPair implements AutoCloseable {
    private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

    private final Process socat;
    private final String hostEnd;
    private final String deviceEnd;

    private SocatPtyPair(Process socat, String hostEnd, String deviceEnd) {
        this.socat = socat;
        this.hostEnd = hostEnd;
        this.deviceEnd = deviceEnd;
    }

    public static SocatPtyPair start() throws IOException {
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader log = new BufferedReader(new InputStreamReader(socat.getErrorStream(), StandardCharsets.UTF_8));
        List<String> ptys = new ArrayList<>();
        String line;
        while (ptys.size() < 2 && (line = log.readLine()) != null) {
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                ptys.add(m.group(1));
            }
        }
        if (ptys.size() < 2) {
            socat.destroyForcibly();
            throw new IOException("socat did not open two pseudo-terminals");
        }
        Thread drain = new Thread(() -> {
            try {
                while (log.readLine() != null) {
                    // socat's transfer log: read so socat never blocks on a full pipe
                }
            } catch (IOException e) {
                // socat ended
            }
        }, "socat-log");
        drain.setDaemon(true);
        drain.start();
        return new SocatPtyPair(socat, ptys.get(0), ptys.get(1));
    }

    /** The kiosk's end (the "serial port" the driver opens). */
    public String hostEnd() {
        return hostEnd;
    }

    /** The coin mechanism's end. */
    public String deviceEnd() {
        return deviceEnd;
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
