package dev.shomei.kiosk.center;

import java.util.ArrayList;
import java.util.List;

/** One center's line endpoint, {@code host:port}. */
public record CenterAddress(String host, int port) {

    public CenterAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a center address needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a center port is 1..65535");
        }
    }

    /** Parses {@code host:port[,host:port...]}. */
    public static List<CenterAddress> parseList(String text) {
        List<CenterAddress> addresses = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            int colon = trimmed.lastIndexOf(':');
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("center address must be host:port, got '" + trimmed + "'");
            }
            int port;
            try {
                port = Integer.parseInt(trimmed.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("center port must be a number, got '" + trimmed + "'");
            }
            addresses.add(new CenterAddress(trimmed.substring(0, colon), port));
        }
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one center address is needed");
        }
        return List.copyOf(addresses);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
