package dev.shomei.card.cli;

import dev.shomei.card.sim.VirtualCard;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.card.sim.VpcdClient;
import dev.shomei.protocol.ShomeiException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** {@code card vpcd}: serves a card file to pcscd's vpcd reader until Ctrl-C or until vpcd hangs up. */
final class CardVpcdCommand {
    private final PrintStream out;

    CardVpcdCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) {
        CliArgs a = CliArgs.parse(args, 1, Set.of("--card", "--host", "--port"), Set.of());
        Path file = Path.of(a.required("--card"));
        String host = a.value("--host", "127.0.0.1");
        int port = a.intValue("--port", VpcdClient.DEFAULT_PORT, 1, 65535);
        VirtualCard card;
        try {
            card = VirtualCardFile.open(file);
        } catch (ShomeiException | UncheckedIOException e) {
            out.println("NG  card file: " + e.getMessage());
            return 1;
        }
        try (VpcdClient client = VpcdClient.connect(card, host, port, Duration.ofSeconds(5))) {
            out.println("OK  card " + file.getFileName() + " is in the vpcd reader at " + host + ":" + port
                    + " (Ctrl-C removes it)");
            Thread hook = new Thread(client::close);
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                while (!client.awaitDisconnect(Duration.ofSeconds(60))) {
                    // keep serving until vpcd hangs up, Ctrl-C or an interrupt
                }
            } finally {
                removeHook(hook);
            }
            out.println("vpcd closed the connection");
            return 0;
        } catch (IOException e) {
            out.println("NG  vpcd: " + e.getMessage() + " (is pcscd running with vsmartcard-vpcd?)");
            return 1;
        } catch (InterruptedException e) {
            out.println("card removed from the vpcd reader");
            return 0;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs anyway
        }
    }
}
