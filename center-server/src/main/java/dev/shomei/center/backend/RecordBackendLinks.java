package dev.shomei.center.backend;

import dev.shomei.center.issue.RecordBackend;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/** The center's record backend as configured: one HTTPS link, or shards of one or more links each. */
public final class RecordBackendLinks {
    private RecordBackendLinks() {
    }

    public static RecordBackend connect(BackendClientSettings settings, SSLContext tls) {
        if (!settings.routed()) {
            return new HttpRecordBackend(settings, tls);
        }
        Map<String, RecordBackend> shards = new LinkedHashMap<>();
        for (BackendShard shard : settings.shards()) {
            List<RecordBackend> links = new ArrayList<>();
            for (URI url : shard.urls()) {
                links.add(new HttpRecordBackend(settings.forUri(url), tls));
            }
            shards.put(shard.name(), links.size() == 1 ? links.getFirst() : new ShardReplicas(shard.name(), links));
        }
        return new ShardedRecordBackend(shards);
    }
}
