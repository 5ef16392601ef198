package dev.shomei.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Finds the process listening on a TCP port (Linux): the listening socket's inode from
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6}, then the process holding {@code socket:[inode]}
 * among its file descriptors. Needs permission to read other processes' fd tables (same user or root).
 */
public final class PortOwner {
    private static final String LISTEN = "0A";

    private PortOwner() {
    }

    public static OptionalLong pidListeningOn(int port) {
        Optional<String> inode = listeningInode(port);
        if (inode.isEmpty()) {
            return OptionalLong.empty();
        }
        String link = "socket:[" + inode.get() + "]";
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || !holds(process.resolve("fd"), link)) {
                    continue;
                }
                return OptionalLong.of(Long.parseLong(name));
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static boolean holds(Path fds, String link) {
        try (Stream<Path> entries = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) entries::iterator) {
                try {
                    if (link.equals(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException e) {
                    // the descriptor closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
        return false;
    }

    private static Optional<String> listeningInode(int port) {
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    Optional<String> inode = listeningInode(line, port);
                    if (inode.isPresent()) {
                        return inode;
                    }
                }
            } catch (IOException e) {
                // no IPv6 table
            }
        }
        return Optional.empty();
    }

    /**
     * The inode of a {@code /proc/net/tcp} row when it is a socket listening on {@code port}:
     * {@code sl local_address rem_address st ... uid timeout inode}, addresses as {@code HEXIP:HEXPORT}.
     */
    static Optional<String> listeningInode(String line, int port) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 10 || !fields[1].contains(":")) {
            return Optional.empty();
        }
        String local = fields[1];
        int localPort;
        try {
            localPort = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (localPort != port || !LISTEN.equals(fields[3])) {
            return Optional.empty();
        }
        return Optional.of(fields[9]);
    }
}
