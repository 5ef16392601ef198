package dev.shomei.center.stats;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issuance counts per hour (Japan time) and per municipality, in memory: numbers only, never who.
 * Keeps the last {@code hoursKept} hours.
 */
public final class IssuanceStats {
    private final Clock clock;
    private final ZoneId zone;
    private final int hoursKept;
    private final ConcurrentSkipListMap<LocalDateTime, Map<String, Counters>> hours = new ConcurrentSkipListMap<>();

    public IssuanceStats(Clock clock, ZoneId zone, int hoursKept) {
        this.clock = clock;
        this.zone = zone;
        this.hoursKept = hoursKept;
    }

    public void record(String municipalityCode, Outcome outcome) {
        LocalDateTime hour = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.HOURS);
        hours.computeIfAbsent(hour, h -> new ConcurrentHashMap<>())
                .computeIfAbsent(municipalityCode, c -> new Counters())
                .add(outcome);
        LocalDateTime oldest = hour.minusHours(hoursKept);
        while (!hours.isEmpty() && hours.firstKey().isBefore(oldest)) {
            hours.pollFirstEntry();
        }
    }

    /** One row per hour of the last {@code count} hours (oldest first, empty hours included). */
    public List<HourCounts> perHour(int count) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.HOURS);
        List<HourCounts> rows = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            LocalDateTime hour = now.minusHours(i);
            Map<Outcome, Long> sum = zero();
            Map<String, Counters> byMunicipality = hours.get(hour);
            if (byMunicipality != null) {
                byMunicipality.values().forEach(counters -> counters.addTo(sum));
            }
            rows.add(new HourCounts(hour, sum));
        }
        return rows;
    }

    /** Totals per municipality over the hours kept, in code order. */
    public List<MunicipalityCounts> perMunicipality() {
        Map<String, Map<Outcome, Long>> totals = new TreeMap<>();
        for (Map<String, Counters> byMunicipality : hours.values()) {
            byMunicipality.forEach((code, counters) -> counters.addTo(totals.computeIfAbsent(code, c -> zero())));
        }
        List<MunicipalityCounts> rows = new ArrayList<>();
        totals.forEach((code, counts) -> rows.add(new MunicipalityCounts(code, counts)));
        return rows;
    }

    public int hoursKept() {
        return hoursKept;
    }

    private static Map<Outcome, Long> zero() {
        Map<Outcome, Long> map = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            map.put(outcome, 0L);
        }
        return map;
    }

    public record HourCounts(LocalDateTime hour, Map<Outcome, Long> counts) {
    }

    public record MunicipalityCounts(String municipalityCode, Map<Outcome, Long> counts) {
    }

    private static final class Counters {
        private final Map<Outcome, LongAdder> adders = new EnumMap<>(Outcome.class);

        Counters() {
            for (Outcome outcome : Outcome.values()) {
                adders.put(outcome, new LongAdder());
            }
        }

        void add(Outcome outcome) {
            adders.get(outcome).increment();
        }

        void addTo(Map<Outcome, Long> sum) {
            adders.forEach((outcome, adder) -> sum.merge(outcome, adder.sum(), Long::sum));
        }
    }
}
