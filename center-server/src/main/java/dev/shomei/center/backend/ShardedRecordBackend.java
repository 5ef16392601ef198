package dev.shomei.center.backend;

import dev.shomei.center.issue.RecordBackend;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Record-backend shards routed by municipality. The routing table comes with the catalog: every
 * shard lists its own municipalities ({@link #municipalities()} asks them all, concurrently), and a
 * municipality's issue and status update go to the shard that lists it. A municipality two shards
 * list (a move half done, or a misconfiguration) is refused with MUNICIPALITY_MOVING, never guessed,
 * logged and reported to the {@link ConflictListener}; the merged catalog shows it as not taking
 * part. Calls without a municipality (unconfirmed issuances, the lookup by transaction) ask every
 * shard and merge. A shard that does not answer keeps its last list, so one shard down stops only
 * its own municipalities.
 */
public final class ShardedRecordBackend implements RecordBackend {
    private static final System.Logger LOG = System.getLogger(ShardedRecordBackend.class.getName());
    /** A refusal saying the route moved refreshes the routes at most this often. */
    private static final Duration REROUTE_GAP = Duration.ofSeconds(1);

    private final Duration rerouteGap;

    /** Told when a municipality starts or stops being listed by two shards. */
    public interface ConflictListener {
        void raised(String municipalityCode, List<String> shards);

        void resolved(String municipalityCode);
    }

    private record Routes(Map<String, String> shardByCode, Map<String, List<String>> conflicts) {
    }

    private record Answer<T>(String shard, T value, ShomeiException failure) {
    }

    private final Map<String, RecordBackend> shards;
    private final Map<String, MunicipalityList> lastLists = new ConcurrentHashMap<>();
    private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Routes routes;
    private volatile long routesLoadedAt;
    private volatile ConflictListener listener = new ConflictListener() {
        @Override
        public void raised(String municipalityCode, List<String> shards) {
        }

        @Override
        public void resolved(String municipalityCode) {
        }
    };

    /** {@code shards} by name, in the configured order. */
    public ShardedRecordBackend(Map<String, RecordBackend> shards) {
        this(shards, REROUTE_GAP);
    }

    ShardedRecordBackend(Map<String, RecordBackend> shards, Duration rerouteGap) {
        this.rerouteGap = rerouteGap;
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard");
        }
        this.shards = new LinkedHashMap<>(shards);
    }

    /** Where conflicts go (the center's alert board); none until set. */
    public void reportConflictsTo(ConflictListener conflictListener) {
        this.listener = conflictListener;
    }

    /** The shard that lists {@code municipalityCode}, if exactly one does (from the last catalog load). */
    public String shardOf(String municipalityCode) {
        return route(municipalityCode);
    }

    @Override
    public MunicipalityList municipalities() {
        List<Answer<MunicipalityList>> answers = askAll(RecordBackend::municipalities);
        Map<String, List<String>> shardsByCode = new LinkedHashMap<>();
        Map<String, MunicipalityList.Entry> entryByCode = new LinkedHashMap<>();
        int listed = 0;
        for (Answer<MunicipalityList> answer : answers) {
            MunicipalityList list = answer.value();
            if (list == null) {
                list = lastLists.get(answer.shard());
                LOG.log(System.Logger.Level.WARNING, "shard {0} did not list its municipalities ({1}); {2}",
                        answer.shard(), answer.failure().getMessage(),
                        list == null ? "none routed to it" : "routing by its last list");
                if (list == null) {
                    continue;
                }
            } else {
                lastLists.put(answer.shard(), list);
            }
            listed++;
            for (MunicipalityList.Entry entry : list.municipalities()) {
                shardsByCode.computeIfAbsent(entry.code(), code -> new ArrayList<>()).add(answer.shard());
                entryByCode.putIfAbsent(entry.code(), entry);
            }
        }
        if (listed == 0) {
            throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "no backend shard listed its municipalities");
        }
        Map<String, String> shardByCode = new LinkedHashMap<>();
        Map<String, List<String>> conflicts = new LinkedHashMap<>();
        List<MunicipalityList.Entry> merged = new ArrayList<>();
        shardsByCode.forEach((code, listedBy) -> {
            MunicipalityList.Entry entry = entryByCode.get(code);
            if (listedBy.size() == 1) {
                shardByCode.put(code, listedBy.getFirst());
                merged.add(entry);
            } else {
                conflicts.put(code, List.copyOf(listedBy));
                merged.add(notParticipating(entry));
            }
        });
        replaceRoutes(new Routes(Map.copyOf(shardByCode), Map.copyOf(conflicts)));
        return new MunicipalityList(merged);
    }

    @Override
    public IssuanceResponse issue(IssuanceRequest request) {
        return routed(request.municipalityCode(), backend -> backend.issue(request));
    }

    @Override
    public StatusResponse updateStatus(StatusUpdate update) {
        return routed(update.municipalityCode(), backend -> backend.updateStatus(update));
    }

    @Override
    public UnconfirmedIssuances unconfirmed(Duration olderThan) {
        Map<String, UnconfirmedIssuances.Entry> merged = new LinkedHashMap<>();
        int answered = 0;
        for (Answer<UnconfirmedIssuances> answer : askAll(backend -> backend.unconfirmed(olderThan))) {
            if (answer.value() == null) {
                LOG.log(System.Logger.Level.WARNING, "shard {0}: unconfirmed issuances not listed ({1})",
                        answer.shard(), answer.failure().getMessage());
                continue;
            }
            answered++;
            // a municipality mid-move has its rows on both shards: one entry each
            answer.value().issuances().forEach(e -> merged.putIfAbsent(e.municipalityCode() + "/" + e.transactionId(), e));
        }
        if (answered == 0) {
            throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "no backend shard listed unconfirmed issuances");
        }
        List<UnconfirmedIssuances.Entry> oldestFirst = new ArrayList<>(merged.values());
        oldestFirst.sort(Comparator.comparing(UnconfirmedIssuances.Entry::issuedAt));
        return new UnconfirmedIssuances(oldestFirst);
    }

    @Override
    public TransactionIssuances byTransaction(String transactionId) {
        Map<String, TransactionIssuances.Entry> merged = new LinkedHashMap<>();
        ShomeiException missing = null;
        for (Answer<TransactionIssuances> answer : askAll(backend -> backend.byTransaction(transactionId))) {
            if (answer.value() == null) {
                missing = answer.failure();
                continue;
            }
            for (TransactionIssuances.Entry entry : answer.value().issuances()) {
                String key = entry.municipalityCode();
                // mid-move both shards have it: the shard the municipality routes to has the say
                if (!merged.containsKey(key) || answer.shard().equals(currentShard(key))) {
                    merged.put(key, entry);
                }
            }
        }
        if (merged.isEmpty() && missing != null) {
            // not found, but a shard did not answer: unknown, not absent
            throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "lookup tx=" + transactionId
                    + ": a backend shard did not answer", missing);
        }
        return new TransactionIssuances(List.copyOf(merged.values()));
    }

    private <T> T routed(String municipalityCode, Function<RecordBackend, T> call) {
        String shard = route(municipalityCode);
        try {
            return call.apply(shards.get(shard));
        } catch (ShomeiException e) {
            // the shard says the municipality is moving: the move may have switched since the last catalog load
            if (e.code() != ErrorCode.MUNICIPALITY_MOVING || !refreshRoutes()) {
                throw e;
            }
            String now = route(municipalityCode);
            if (now.equals(shard)) {
                throw e;
            }
            LOG.log(System.Logger.Level.INFO, "municipality {0} moved from shard {1} to {2}", municipalityCode, shard, now);
            return call.apply(shards.get(now));
        }
    }

    private String route(String municipalityCode) {
        Routes current = routes;
        if (current == null) {
            municipalities();
            current = routes;
        }
        List<String> listedBy = current.conflicts().get(municipalityCode);
        if (listedBy != null) {
            throw new ShomeiException(ErrorCode.MUNICIPALITY_MOVING, "municipality " + municipalityCode
                    + " is listed by shards " + String.join(" and ", listedBy) + ": refused until one shard lists it");
        }
        String shard = current.shardByCode().get(municipalityCode);
        if (shard == null) {
            throw new ShomeiException(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING,
                    "no backend shard lists municipality " + municipalityCode);
        }
        return shard;
    }

    private String currentShard(String municipalityCode) {
        Routes current = routes;
        return current == null ? null : current.shardByCode().get(municipalityCode);
    }

    /** Reloads the routes unless they were loaded very recently; whether it did. */
    private boolean refreshRoutes() {
        if (System.nanoTime() - routesLoadedAt < rerouteGap.toNanos()) {
            return false;
        }
        try {
            municipalities();
            return true;
        } catch (ShomeiException e) {
            return false;
        }
    }

    private synchronized void replaceRoutes(Routes next) {
        Routes previous = routes;
        Set<String> before = previous == null ? Set.of() : previous.conflicts().keySet();
        next.conflicts().forEach((code, listedBy) -> {
            if (!before.contains(code)) {
                LOG.log(System.Logger.Level.ERROR, "municipality {0} is listed by shards {1}: its issuances are refused "
                        + "until one shard lists it (a move half done? run backend move-municipality again)",
                        code, String.join(" and ", listedBy));
                listener.raised(code, listedBy);
            }
        });
        for (String code : before) {
            if (!next.conflicts().containsKey(code)) {
                LOG.log(System.Logger.Level.INFO, "municipality {0} is listed by one shard again", code);
                listener.resolved(code);
            }
        }
        routes = next;
        routesLoadedAt = System.nanoTime();
    }

    private <T> List<Answer<T>> askAll(Function<RecordBackend, T> call) {
        Map<String, Future<T>> futures = new LinkedHashMap<>();
        shards.forEach((name, backend) -> futures.put(name, fanOut.submit(() -> call.apply(backend))));
        List<Answer<T>> answers = new ArrayList<>();
        try {
            for (Map.Entry<String, Future<T>> future : futures.entrySet()) {
                try {
                    // every backend call is bounded by its own deadline
                    answers.add(new Answer<>(future.getKey(), future.getValue().get(), null));
                } catch (ExecutionException e) {
                    ShomeiException failure = e.getCause() instanceof ShomeiException s ? s
                            : new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "shard " + future.getKey() + " failed",
                                    e.getCause());
                    answers.add(new Answer<>(future.getKey(), null, failure));
                }
            }
        } catch (InterruptedException e) {
            futures.values().forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "interrupted while asking the backend shards");
        }
        return answers;
    }

    private static MunicipalityList.Entry notParticipating(MunicipalityList.Entry e) {
        return new MunicipalityList.Entry(e.code(), e.nameJa(), e.nameEn(), e.mayorTitleJa(), e.mayorTitleEn(), false,
                e.offersOverseas(), e.feePerCopyYen(), e.opensAt(), e.closesAt());
    }
}
