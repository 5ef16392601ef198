package dev.shomei.kiosk.voice;

import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.SessionState;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The kiosk's voice: listens to the session's screens and says each new screen's prompt (see
 * {@link Prompts}), a wrong PIN, each "take your certificate" reminder and the countdown before a
 * timeout. The resident can have it repeated, louder or softer, or switch to headphone mode; those
 * choices end with the session. Called under the session's lock: only hands work to the
 * {@link Speaker}, never blocks.
 */
public final class VoiceGuide implements Consumer<Screen> {
    private final Speaker speaker;
    private Screen last;
    private List<Prompt> lastSaid = List.of();
    private VoiceSettings settings = VoiceSettings.DEFAULT;

    public VoiceGuide(Speaker speaker) {
        this.speaker = Objects.requireNonNull(speaker, "speaker");
    }

    @Override
    public synchronized void accept(Screen screen) {
        Screen previous = last;
        last = screen;
        if (screen.state() == SessionState.IDLE && previous != null && previous.state() != SessionState.IDLE) {
            settings = VoiceSettings.DEFAULT;
        }
        if (previous == null) {
            return;
        }
        if (changed(previous, screen)) {
            say(Prompts.of(screen, settings.headphones()));
        } else if (screen.secondsLeft() >= 0 && previous.secondsLeft() < 0) {
            say(List.of(Prompts.countdown(screen)));
        }
    }

    private static boolean changed(Screen previous, Screen screen) {
        return previous.state() != screen.state()
                || previous.outOfService() != screen.outOfService()
                || (screen.state() == SessionState.TAKE_CERTIFICATE && screen.reminders() != previous.reminders())
                || (screen.state() == SessionState.PIN && screen.notice() != null && previous.notice() == null);
    }

    private void say(List<Prompt> prompts) {
        lastSaid = prompts;
        if (!prompts.isEmpty()) {
            speaker.say(prompts, settings);
        }
    }

    /** Says the current screen again (in headphone mode, with what it shows). */
    public synchronized void repeat() {
        if (last != null) {
            say(Prompts.of(last, settings.headphones()));
        }
    }

    public synchronized VoiceSettings louder() {
        settings = settings.louder();
        repeat();
        return settings;
    }

    public synchronized VoiceSettings softer() {
        settings = settings.softer();
        repeat();
        return settings;
    }

    public synchronized VoiceSettings headphones(boolean on) {
        settings = settings.withHeadphones(on);
        repeat();
        return settings;
    }

    public synchronized VoiceSettings settings() {
        return settings;
    }

    /** What was said last (for the tests). */
    public synchronized List<Prompt> lastSaid() {
        return lastSaid;
    }
}
