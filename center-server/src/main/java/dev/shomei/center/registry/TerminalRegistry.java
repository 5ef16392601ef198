package dev.shomei.center.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.shomei.center.config.StateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which terminals exist and which are enabled: {@code terminals.json} in the center's state
 * directory. Several centers may share the file: every read first reloads it when it changed on
 * disk, and {@link #refresh()} (called on a timer) tells listeners about changes made elsewhere.
 *
 * <pre>{"terminals":[{"id":"K0001","enabled":true,"label":"Demo store 1","certificateSha256":"9f86…"}]}</pre>
 *
 * <p>Each terminal is pinned to one client certificate: {@link #enrol} pins the certificate the
 * kiosk was provisioned with (a replacement kiosk's new certificate replaces the pin, so the old,
 * perhaps stolen, one is refused from then on, whether the terminal is enabled or not); a terminal
 * registered without a certificate (the console, the demo) is pinned to the first certificate that
 * connects as it ({@link #pinOnFirstUse}).
 */
public final class TerminalRegistry {
    private static final System.Logger LOG = System.getLogger(TerminalRegistry.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final List<Consumer<Terminal>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<String, Terminal> terminals = Map.of();
    private volatile String loadedStamp = "";

    private TerminalRegistry(Path file) {
        this.file = file;
    }

    /** Opens the registry file, creating an empty one when missing. */
    public static TerminalRegistry open(Path file) {
        TerminalRegistry registry = new TerminalRegistry(file);
        synchronized (registry) {
            if (!Files.exists(file)) {
                registry.save(new TreeMap<>());
            }
            registry.reloadIfChanged();
        }
        return registry;
    }

    public Path file() {
        return file;
    }

    public Optional<Terminal> find(String id) {
        reloadIfChanged();
        return Optional.ofNullable(terminals.get(id));
    }

    /** Registered and enabled. */
    public boolean isEnabled(String id) {
        return find(id).map(Terminal::enabled).orElse(false);
    }

    public List<Terminal> all() {
        reloadIfChanged();
        return List.copyOf(terminals.values());
    }

    /** Adds a terminal (enabled), or returns the existing one unchanged. */
    public synchronized Terminal register(String id, String label) {
        reloadIfChanged();
        Terminal existing = terminals.get(id);
        if (existing != null) {
            return existing;
        }
        Terminal terminal = new Terminal(id, true, label);
        Map<String, Terminal> next = new TreeMap<>(terminals);
        next.put(id, terminal);
        save(next);
        LOG.log(System.Logger.Level.INFO, "terminal {0} registered", id);
        notifyListeners(terminal);
        return terminal;
    }

    /**
     * Registers the terminal, or updates a registered one, pinned to {@code certificateSha256} and
     * enabled: the step that lets a newly provisioned (or replacement) kiosk in and every other
     * certificate with its id out.
     */
    public synchronized Terminal enrol(String id, String label, String certificateSha256) {
        reloadIfChanged();
        Terminal existing = terminals.get(id);
        String keptLabel = label != null ? label : existing == null ? "" : existing.label();
        Terminal enrolled = new Terminal(id, true, keptLabel, java.util.Objects.requireNonNull(certificateSha256));
        Map<String, Terminal> next = new TreeMap<>(terminals);
        next.put(id, enrolled);
        save(next);
        LOG.log(System.Logger.Level.INFO, "terminal {0} enrolled with certificate sha256 {1}", id,
                enrolled.certificateSha256());
        notifyListeners(enrolled);
        return enrolled;
    }

    /**
     * Pins an unpinned terminal to the certificate that just connected as it; answers whether that
     * certificate is the terminal's (false for an unknown terminal or another certificate).
     */
    public synchronized boolean pinOnFirstUse(String id, String certificateSha256) {
        reloadIfChanged();
        Terminal existing = terminals.get(id);
        if (existing == null) {
            return false;
        }
        if (existing.certificateSha256() != null) {
            return existing.certificateSha256().equals(certificateSha256);
        }
        Terminal pinned = existing.withCertificatePin(certificateSha256);
        Map<String, Terminal> next = new TreeMap<>(terminals);
        next.put(id, pinned);
        save(next);
        LOG.log(System.Logger.Level.WARNING, "terminal {0} had no certificate pin; pinned to the first certificate "
                + "seen, sha256 {1} (enrol terminals with their certificate to avoid this)", id, certificateSha256);
        notifyListeners(pinned);
        return true;
    }

    /**
     * Enables or disables a registered terminal.
     *
     * @throws IllegalArgumentException when the terminal is not registered
     */
    public synchronized Terminal setEnabled(String id, boolean enabled) {
        reloadIfChanged();
        Terminal existing = terminals.get(id);
        if (existing == null) {
            throw new IllegalArgumentException("unknown terminal");
        }
        if (existing.enabled() == enabled) {
            return existing;
        }
        Terminal changed = existing.withEnabled(enabled);
        Map<String, Terminal> next = new TreeMap<>(terminals);
        next.put(id, changed);
        save(next);
        LOG.log(System.Logger.Level.INFO, "terminal {0} {1}", id, enabled ? "enabled" : "disabled");
        notifyListeners(changed);
        return changed;
    }

    /** Called for every terminal added or changed, here or (after {@link #refresh()}) by another center. */
    public void addListener(Consumer<Terminal> listener) {
        listeners.add(listener);
    }

    /** Reloads the file when another process changed it and tells listeners what changed. */
    public void refresh() {
        reloadIfChanged();
    }

    private synchronized void reloadIfChanged() {
        String stamp = StateFiles.stamp(file);
        if (stamp.equals(loadedStamp)) {
            return;
        }
        boolean firstLoad = loadedStamp.isEmpty();
        Map<String, Terminal> before = terminals;
        Map<String, Terminal> loaded = load();
        terminals = loaded;
        loadedStamp = stamp;
        for (Terminal terminal : loaded.values()) {
            if (!firstLoad && !terminal.equals(before.get(terminal.id()))) {
                notifyListeners(terminal);
            }
        }
    }

    private Map<String, Terminal> load() {
        try {
            RegistryFile content = JSON.readValue(Files.readAllBytes(file), RegistryFile.class);
            Map<String, Terminal> loaded = new TreeMap<>();
            for (Terminal terminal : content.terminals() == null ? List.<Terminal>of() : content.terminals()) {
                loaded.put(terminal.id(), terminal);
            }
            return java.util.Collections.unmodifiableMap(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the terminal registry " + file.getFileName(), e);
        }
    }

    private void save(Map<String, Terminal> next) {
        List<Terminal> sorted = new ArrayList<>(next.values());
        sorted.sort(Comparator.comparing(Terminal::id));
        try {
            StateFiles.write(file, JSON.writeValueAsBytes(new RegistryFile(sorted)), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the terminal registry", e);
        }
        terminals = java.util.Collections.unmodifiableMap(new TreeMap<>(next));
        loadedStamp = StateFiles.stamp(file);
    }

    private void notifyListeners(Terminal terminal) {
        for (Consumer<Terminal> listener : listeners) {
            try {
                listener.accept(terminal);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "terminal registry listener failed: " + e.getClass().getSimpleName());
            }
        }
    }

    private record RegistryFile(List<Terminal> terminals) {
    }
}
