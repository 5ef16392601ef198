package dev.shomei.center.hours;

import dev.shomei.center.config.WatchedJsonFile;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The planned maintenance windows, {@code maintenance.json} in the center's state directory
 * (Japan local times, ISO-8601):
 *
 * <pre>{"windows":[{"start":"2025-04-01T01:00","end":"2025-04-01T04:00","municipalityCode":"","note":"VRS upgrade"}]}</pre>
 */
public final class MaintenanceSchedule {
    private final WatchedJsonFile<ScheduleFile> file;

    public MaintenanceSchedule(Path path) {
        this.file = new WatchedJsonFile<>(path, ScheduleFile.class, new ScheduleFile(List.of()), false);
    }

    public List<MaintenanceWindow> windows() {
        ScheduleFile content = file.get();
        List<MaintenanceWindow> windows = new ArrayList<>();
        for (Entry entry : content.windows() == null ? List.<Entry>of() : content.windows()) {
            windows.add(entry.toWindow());
        }
        return List.copyOf(windows);
    }

    public void add(MaintenanceWindow window) {
        file.update(current -> {
            List<Entry> next = new ArrayList<>(current.windows() == null ? List.of() : current.windows());
            next.add(Entry.of(window));
            return new ScheduleFile(next);
        });
    }

    /** Removes the window at {@code index} (as listed by {@link #windows()}). */
    public void remove(int index) {
        file.update(current -> {
            List<Entry> next = new ArrayList<>(current.windows() == null ? List.of() : current.windows());
            if (index < 0 || index >= next.size()) {
                throw new IllegalArgumentException("no such maintenance window");
            }
            next.remove(index);
            return new ScheduleFile(next);
        });
    }

    /** Drops windows that ended before {@code now}. */
    public void pruneOver(LocalDateTime now) {
        if (windows().stream().noneMatch(w -> w.isOver(now))) {
            return;
        }
        file.update(current -> new ScheduleFile(current.windows().stream()
                .filter(entry -> !entry.toWindow().isOver(now)).toList()));
    }

    record ScheduleFile(List<Entry> windows) {
    }

    record Entry(String start, String end, String municipalityCode, String note) {
        MaintenanceWindow toWindow() {
            return new MaintenanceWindow(LocalDateTime.parse(start), LocalDateTime.parse(end), municipalityCode, note);
        }

        static Entry of(MaintenanceWindow window) {
            return new Entry(window.start().toString(), window.end().toString(), window.municipalityCode(), window.note());
        }
    }
}
