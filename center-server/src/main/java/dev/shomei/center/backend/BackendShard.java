package dev.shomei.center.backend;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One record-backend shard as {@code center.yaml} names it: a name (for logs and alerts) and the
 * backends that serve it, all on the shard's one database. The center spreads calls over them and
 * fails over to the next when one does not answer.
 */
public record BackendShard(String name, List<URI> urls) {
    public BackendShard {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a backend shard needs a name");
        }
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("backend shard " + name + " has no url");
        }
        for (URI url : urls) {
            if (!"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("the backend link is HTTPS only: shard " + name);
            }
        }
    }
}
