package dev.shomei.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shomei.center.config.StateFiles;
import dev.shomei.center.registry.Terminal;
import dev.shomei.protocol.pki.DevPki;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the simulated terminals real to the center: each gets its own client certificate from the
 * dev PKI the center trusts ({@link DevPki#terminal}, kept under {@code pki/terminals/}, so a
 * second run reuses them) and an enabled entry in the center's terminal registry
 * ({@code <center state>/terminals.json}).
 *
 * <p>The registry is written here as a whole file in the format {@code TerminalRegistry} documents
 * ({@code {"terminals":[{"id":..,"enabled":..,"label":..}]}}), merged with what is there and
 * replaced atomically with the center's own {@link StateFiles#write}: registering 50,000
 * terminals one by one through {@code TerminalRegistry.register} would rewrite the file 50,000
 * times. A running center notices the new file within 2 s (its registry timer) or at the next
 * Hello. Terminals already present are left as they are (a disabled one stays disabled).
 */
public final class TerminalEnrolment {
    public static final String LABEL = "load generator";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TerminalEnrolment() {
    }

    /** {@code prefix-000001}, ...: ids the dev PKI and the registry both accept. */
    public static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(String.format("%s-%06d", prefix, i));
        }
        return ids;
    }

    /** Creates the certificates that are missing; reports progress for big fleets. */
    public static void ensureCertificates(DevPki pki, List<String> ids, PrintStream progress) {
        long started = System.nanoTime();
        int created = 0;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!Files.exists(pki.dir().resolve("terminals").resolve(id + ".crt"))) {
                created++;
            }
            pki.terminal(id);
            if ((i + 1) % 5_000 == 0) {
                progress.printf("loadgen: terminal certificates %,d of %,d ready (%d s)%n", i + 1, ids.size(),
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        if (created > 0) {
            progress.printf("loadgen: created %,d terminal certificates in %d s (kept in %s)%n", created,
                    (System.nanoTime() - started) / 1_000_000_000L, pki.dir().resolve("terminals"));
        }
    }

    /** Adds the ids missing from the registry file (creating it), enabled; returns how many were added. */
    public static int register(Path registryFile, List<String> ids) {
        Map<String, Terminal> terminals = new LinkedHashMap<>();
        try {
            if (Files.exists(registryFile)) {
                RegistryFile existing = JSON.readValue(Files.readAllBytes(registryFile), RegistryFile.class);
                if (existing.terminals() != null) {
                    existing.terminals().forEach(terminal -> terminals.put(terminal.id(), terminal));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the terminal registry " + registryFile, e);
        }
        int added = 0;
        for (String id : ids) {
            if (!terminals.containsKey(id)) {
                terminals.put(id, new Terminal(id, true, LABEL));
                added++;
            }
        }
        if (added > 0) {
            List<Terminal> sorted = new ArrayList<>(terminals.values());
            sorted.sort(Comparator.comparing(Terminal::id));
            try {
                StateFiles.write(registryFile, JSON.writeValueAsBytes(new RegistryFile(sorted)), false);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the terminal registry", e);
            }
        }
        return added;
    }

    /** The registry file's shape. */
    record RegistryFile(List<Terminal> terminals) {
    }
}
