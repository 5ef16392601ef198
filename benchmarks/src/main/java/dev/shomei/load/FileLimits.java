package dev.shomei.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The open-file limit of a process ({@code /proc/<pid>/limits}): each TLS connection holds one descriptor. */
public final class FileLimits {
    private FileLimits() {
    }

    /** The soft limit on open files of {@code pid} ("self" for this process); empty when unknown or unlimited. */
    public static OptionalLong openFiles(String pid) {
        try {
            return parse(Files.readString(Path.of("/proc", pid, "limits")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** From {@code Max open files            20000                20000                files}. */
    static OptionalLong parse(String limits) {
        for (String line : limits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                if (soft.equals("unlimited")) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(Long.parseLong(soft));
            }
        }
        return OptionalLong.empty();
    }
}
