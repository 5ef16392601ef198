package dev.shomei.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time and memory of a process from {@code /proc/<pid>/stat} and {@code /proc/<pid>/status}
 * (Linux). CPU time is user + system time of all the process's threads, in clock ticks of
 * {@link #TICKS_PER_SECOND} (100 on Linux x86-64: {@code getconf CLK_TCK}). The garbage collector's
 * share is the same sum over the threads HotSpot names {@code GC Thread#n} and {@code G1 ...}
 * ({@code /proc/<pid>/task/<tid>/stat}): pauses and the concurrent marking and refinement that a
 * GC log's pause times leave out.
 */
public final class ProcessStats {
    public static final int TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** One reading: CPU ticks so far (all threads, and the GC's threads), resident memory, at {@code nanoTime}. */
    public record Sample(long pid, long cpuTicks, long gcTicks, long residentKb, long nanoTime) {
        /** CPU used between {@code earlier} and this sample, in percent of one core. */
        public double cpuPercentSince(Sample earlier) {
            return percentOfOneCore(cpuTicks - earlier.cpuTicks, earlier);
        }

        /** The garbage collector threads' part of {@link #cpuPercentSince}. */
        public double gcPercentSince(Sample earlier) {
            return percentOfOneCore(gcTicks - earlier.gcTicks, earlier);
        }

        private double percentOfOneCore(long ticks, Sample earlier) {
            double seconds = (nanoTime - earlier.nanoTime) / 1e9;
            return seconds <= 0 ? 0 : 100.0 * ticks / TICKS_PER_SECOND / seconds;
        }
    }

    /** Reads the process now; empty when it does not exist (any more). */
    public static Optional<Sample> sample(long pid) {
        long now = System.nanoTime();
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            long ticks = cpuTicks(stat);
            long rss = residentKb(Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII));
            return Optional.of(new Sample(pid, ticks, gcTicks(Path.of("/proc", Long.toString(pid), "task")), rss, now));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * utime + stime from a {@code /proc/<pid>/stat} line. The command name (field 2) is in
     * parentheses and may contain spaces, so fields are counted after its closing parenthesis:
     * field 3 (state) is the first after it, utime and stime are fields 14 and 15.
     */
    static long cpuTicks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line");
        }
        String[] fields = stat.substring(close + 2).trim().split(" +");
        // fields[0] is field 3, so field n is fields[n - 3]
        return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
    }

    /** CPU ticks of the threads under {@code taskDir} that are the garbage collector's; a thread gone meanwhile counts 0. */
    static long gcTicks(Path taskDir) throws IOException {
        long ticks = 0;
        try (var threads = Files.list(taskDir)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII);
                    if (isGcThread(stat)) {
                        ticks += cpuTicks(stat);
                    }
                } catch (IOException ended) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    /** Whether a thread's stat line names a HotSpot GC thread ("GC Thread#0", "G1 Conc#0", "G1 Refine#0", ...). */
    static boolean isGcThread(String stat) {
        int open = stat.indexOf('(');
        return open >= 0 && (stat.startsWith("GC Thread", open + 1) || stat.startsWith("G1 ", open + 1));
    }

    /** VmRSS from {@code /proc/<pid>/status}, in kB; 0 when absent. */
    static long residentKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
