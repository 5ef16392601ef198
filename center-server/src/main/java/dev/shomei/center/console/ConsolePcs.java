package dev.shomei.center.console;

import dev.shomei.center.config.WatchedJsonFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The PCs registered to use the operator console: {@code console-pcs.json} in the center's state
 * directory, the CNs of their client certificates (issued by the CA the console trusts). Shared by
 * every center on the directory like {@code terminals.json}, re-read when it changes: removing a PC
 * shuts it out at its next request.
 */
public final class ConsolePcs {
    private final WatchedJsonFile<PcsFile> file;

    public ConsolePcs(Path path) {
        this.file = new WatchedJsonFile<>(path, PcsFile.class, new PcsFile(List.of()), false);
    }

    public Set<String> ids() {
        PcsFile content = file.get();
        return content.pcs() == null ? Set.of() : Set.copyOf(content.pcs());
    }

    public void register(String id) {
        file.update(current -> {
            List<String> next = new java.util.ArrayList<>(current.pcs() == null ? List.of() : current.pcs());
            if (!next.contains(id)) {
                next.add(id);
            }
            return new PcsFile(next);
        });
    }

    record PcsFile(List<String> pcs) {
    }
}
