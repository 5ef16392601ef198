package dev.shomei.system.ha;

import dev.shomei.system.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's {@code haproxy}) in front of several centers' line ports, TCP mode: the kiosk's
 * mutual TLS goes through untouched to the center, which still sees the terminal's certificate.
 * Started in the foreground ({@code -db}) as this JVM's child on a free loopback port with a
 * generated configuration; {@link #close()} stops it.
 *
 * <p>The configuration is the one docs/operations.md recommends: least connections (kiosks keep
 * one long connection each), a TCP connect check every second so a dead center is taken out of
 * the rotation within two seconds, and {@code option redispatch} so a connection the dead center
 * refuses before the check notices goes to another center.
 */
final class Haproxy implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;

    private Haproxy(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The configuration for a front port and the centers' line ports on loopback. */
    static String config(int frontPort, List<Integer> centerPorts) {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < centerPorts.size(); i++) {
            servers.append("  server center").append(i + 1).append(" 127.0.0.1:").append(centerPorts.get(i))
                    .append(" check inter 1s fall 2 rise 2\n");
        }
        return """
                global
                  maxconn 4000
                defaults
                  mode tcp
                  timeout connect 3s
                  timeout client 120s
                  timeout server 120s
                  retries 3
                  option redispatch
                frontend kiosk_line
                  bind 127.0.0.1:%d
                  default_backend centers
                backend centers
                  balance leastconn
                %s""".formatted(frontPort, servers);
    }

    static Haproxy start(Path dir, List<Integer> centerPorts) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = Ports.free();
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, config(port, centerPorts));
        Process process = new ProcessBuilder(BINARY.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        try {
            Ports.awaitListening(port, process, Duration.ofSeconds(30), "haproxy");
        } catch (AssertionError | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        return new Haproxy(process, port);
    }

    int port() {
        return port;
    }

    Optional<Long> pid() {
        return process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
