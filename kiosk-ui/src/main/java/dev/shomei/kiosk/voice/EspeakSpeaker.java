package dev.shomei.kiosk.voice;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Speech from Debian's eSpeak NG, played by SoX's {@code play}: {@code espeak-ng --stdout | play}.
 * The text goes to eSpeak on stdin (never on a command line other users can see) and the audio
 * through a pipe, never into a file. Headphone mode plays on {@code AUDIODEV=headphoneDevice}
 * when one is configured. Without an audio device playing fails: logged once, then quiet (the
 * text is on the screen anyway).
 */
public final class EspeakSpeaker implements Speaker {
    private static final System.Logger LOG = System.getLogger(EspeakSpeaker.class.getName());
    public static final Path ESPEAK = Path.of("/usr/bin/espeak-ng");
    public static final Path PLAY = Path.of("/usr/bin/play");
    /** Words a minute: slower than eSpeak's 175, for residents of every age. */
    static final int SPEED = 145;

    private final String headphoneDevice;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("kiosk-voice").factory());
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final List<Process> running = new ArrayList<>();
    private Future<?> current;

    private EspeakSpeaker(String headphoneDevice) {
        this.headphoneDevice = headphoneDevice;
    }

    /** eSpeak NG and SoX when installed, else {@link Speaker#SILENT} (logged). */
    public static Speaker system(String headphoneDevice) {
        if (!Files.isExecutable(ESPEAK) || !Files.isExecutable(PLAY)) {
            LOG.log(Level.WARNING, "no voice: espeak-ng or sox is not installed (apt-get install espeak-ng sox)");
            return SILENT;
        }
        return new EspeakSpeaker(headphoneDevice);
    }

    @Override
    public synchronized void say(List<Prompt> prompts, VoiceSettings settings) {
        if (current != null) {
            current.cancel(true);
        }
        stopRunning();
        List<Prompt> copy = List.copyOf(prompts);
        current = thread.submit(() -> {
            for (Prompt prompt : copy) {
                if (Thread.currentThread().isInterrupted() || !play(prompt, settings)) {
                    return;
                }
            }
        });
    }

    private boolean play(Prompt prompt, VoiceSettings settings) {
        ProcessBuilder speak = new ProcessBuilder(ESPEAK.toString(), "-v", prompt.voice(), "-s", String.valueOf(SPEED),
                "-a", String.valueOf(settings.amplitude()), "--stdout", "--stdin")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        ProcessBuilder player = new ProcessBuilder(PLAY.toString(), "-q", "-t", "wav", "-")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (settings.headphones() && headphoneDevice != null && !headphoneDevice.isBlank()) {
            player.environment().put("AUDIODEV", headphoneDevice);
        }
        try {
            List<Process> pipeline = ProcessBuilder.startPipeline(List.of(speak, player));
            synchronized (this) {
                running.addAll(pipeline);
            }
            try (OutputStream in = pipeline.get(0).getOutputStream()) {
                in.write(prompt.text().getBytes(StandardCharsets.UTF_8));
            }
            int exit = pipeline.get(1).waitFor();
            synchronized (this) {
                running.removeAll(pipeline);
            }
            if (exit != 0) {
                failedOnce("the audio output refused to play (exit " + exit + ")");
                return false;
            }
            return true;
        } catch (IOException e) {
            failedOnce(e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void failedOnce(String why) {
        if (failureLogged.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "voice guidance cannot play: {0}; the kiosk goes on silently", why);
        }
    }

    private synchronized void stopRunning() {
        running.forEach(Process::destroy);
        running.clear();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        stopRunning();
    }

    /**
     * Renders one prompt to a WAV file, the way {@link #say} would speak it: for tests and the
     * documentation only (a prompt is never personal, so its file is not either).
     */
    public static void render(Prompt prompt, VoiceSettings settings, Path wav) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(ESPEAK.toString(), "-v", prompt.voice(), "-s", String.valueOf(SPEED),
                "-a", String.valueOf(settings.amplitude()), "-w", wav.toString(), "--stdin")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(prompt.text().getBytes(StandardCharsets.UTF_8));
        }
        if (process.waitFor() != 0) {
            throw new IOException("espeak-ng failed with exit " + process.exitValue());
        }
    }
}
