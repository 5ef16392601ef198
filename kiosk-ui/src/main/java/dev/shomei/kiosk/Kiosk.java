package dev.shomei.kiosk;

import dev.shomei.kiosk.center.HeartbeatSender;
import dev.shomei.kiosk.center.StateChangeHeartbeat;
import dev.shomei.kiosk.center.OutcomeJournal;
import dev.shomei.kiosk.center.OutcomeOutbox;
import dev.shomei.kiosk.device.CardPresenceMonitor;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.SessionTimeouts;
import dev.shomei.kiosk.voice.EspeakSpeaker;
import dev.shomei.kiosk.voice.Speaker;
import dev.shomei.kiosk.voice.VoiceGuide;
import dev.shomei.kiosk.web.KioskWebServer;
import dev.shomei.kiosk.web.SimulatedHardware;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The kiosk firmware at run time: the session, one worker thread for the card, the center and the
 * printer (one thread owns the reader), a clock thread for timeouts and card presence, the
 * heartbeat, and optionally the touch screen's server. On disk only the outcome journal (no personal data).
 */
public final class Kiosk implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Kiosk.class.getName());

    /**
     * Timing of the firmware, its voice ({@code speaker} null: eSpeak NG on the default audio output,
     * headphones on the ALSA device named by the environment variable SHOMEI_HEADPHONES), and where the
     * outcome outbox is kept ({@code outboxJournal}: a file in the kiosk's state directory; null keeps it
     * in memory, for tests and one-shot runs).
     */
    public record Settings(SessionTimeouts timeouts, Duration tickInterval, Duration heartbeatInterval, int maxCopies,
                           Speaker speaker, Path outboxJournal) {
        public static Settings defaults() {
            return new Settings(SessionTimeouts.defaults(), Duration.ofMillis(200), Duration.ofSeconds(30), 5, null, null);
        }

        public Settings withTimeouts(SessionTimeouts newTimeouts) {
            return new Settings(newTimeouts, tickInterval, heartbeatInterval, maxCopies, speaker, outboxJournal);
        }

        public Settings withHeartbeatInterval(Duration interval) {
            return new Settings(timeouts, tickInterval, interval, maxCopies, speaker, outboxJournal);
        }

        public Settings withSpeaker(Speaker newSpeaker) {
            return new Settings(timeouts, tickInterval, heartbeatInterval, maxCopies, newSpeaker, outboxJournal);
        }

        public Settings withOutboxJournal(Path file) {
            return new Settings(timeouts, tickInterval, heartbeatInterval, maxCopies, speaker, file);
        }
    }

    /** Outcomes kept at most; the journal is compacted past twice as many lines. */
    private static final int OUTBOX_CAPACITY = 1000;

    private final HeartbeatSender heartbeat;
    private boolean closed;
    private final KioskSession session;
    private final OutcomeOutbox outbox;
    private final OutcomeJournal journal;
    private final ExecutorService worker;
    private final ExecutorService sender;
    private final ScheduledExecutorService clockThread;
    private final Speaker speaker;
    private final VoiceGuide voice;
    private KioskWebServer screen;

    private Kiosk(KioskSession.Devices devices, Settings settings, Clock clock) {
        this.worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("kiosk-worker").factory());
        this.sender = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("kiosk-sender").factory());
        this.clockThread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("kiosk-clock").factory());
        this.journal = settings.outboxJournal() == null ? null
                : OutcomeJournal.open(settings.outboxJournal(), 2 * OUTBOX_CAPACITY);
        this.outbox = new OutcomeOutbox(devices.center(), sender, OUTBOX_CAPACITY, journal);
        this.session = new KioskSession(devices, outbox, clock, settings.timeouts(), worker, settings.maxCopies());
        // the devices and the heartbeat report to the session through their listeners
        this.heartbeat = new HeartbeatSender(devices.center(), outbox, devices, session::terminalState,
                session.counters(), session, clock);
        CardPresenceMonitor presence = new CardPresenceMonitor(devices.card(), session);
        long tick = settings.tickInterval().toMillis();
        clockThread.scheduleWithFixedDelay(guarded(presence, "card presence"), 0, tick, TimeUnit.MILLISECONDS);
        clockThread.scheduleWithFixedDelay(guarded(session::tick, "session tick"), tick, tick, TimeUnit.MILLISECONDS);
        long beat = settings.heartbeatInterval().toMillis();
        // the heartbeat talks to the center: on the sender thread, never delaying the clock; the first
        // one goes at once, so a terminal that starts disabled at the center shows it right away
        clockThread.scheduleAtFixedRate(() -> sender.execute(heartbeat), 0, beat, TimeUnit.MILLISECONDS);
        session.addListener(new StateChangeHeartbeat(heartbeat, sender));
        this.speaker = settings.speaker() != null ? settings.speaker()
                : EspeakSpeaker.system(System.getenv("SHOMEI_HEADPHONES"));
        this.voice = new VoiceGuide(speaker);
        session.addListener(voice);
    }

    /** Starts the firmware (without a screen). */
    public static Kiosk start(KioskSession.Devices devices, Settings settings, Clock clock) {
        return new Kiosk(devices, settings, clock);
    }

    /** Starts the touch screen's server on 127.0.0.1:{@code port}. */
    public synchronized KioskWebServer serveScreen(int port, SimulatedHardware hardware) {
        if (screen != null) {
            throw new IllegalStateException("the screen is already served");
        }
        screen = KioskWebServer.start(port, session, hardware, voice);
        return screen;
    }

    public KioskSession session() {
        return session;
    }

    public VoiceGuide voice() {
        return voice;
    }

    public OutcomeOutbox outbox() {
        return outbox;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (screen != null) {
            screen.close();
        }
        clockThread.shutdownNow();
        speaker.close();
        worker.shutdown();
        sender.execute(outbox::flush);
        sender.execute(heartbeat::signOff); // the board shows it switched off, not missing
        sender.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS) || !sender.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "kiosk threads did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
        sender.shutdownNow();
        if (journal != null) {
            journal.close();
        }
    }

    private static Runnable guarded(Runnable task, String name) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again: log and carry on
                LOG.log(Level.WARNING, "{0} failed: {1}", name, e.getClass().getName());
            }
        };
    }
}
