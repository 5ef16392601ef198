package dev.shomei.kiosk.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk's voice: every prompt of every screen, in both languages and in headphone mode,
 * rendered by the real eSpeak NG to WAV and measured with SoX (not silent, as long as the text
 * suggests); nothing personal is ever said; when the guide speaks, and that its settings end
 * with the session.
 */
class VoiceTest {
    private static final CertificateSummary SUMMARY = new CertificateSummary(FakeCenter.NAME, "YAMADA HANAKO",
            LocalDate.of(1985, 4, 1), List.of(
                    new DoseSummary(1, LocalDate.of(2021, 6, 1), "コミナティ", "ファイザー社", "FA1234"),
                    new DoseSummary(2, LocalDate.of(2021, 6, 22), "コミナティ", "ファイザー社", "FA5678")));

    @TempDir
    Path dir;

    /** Says nothing, remembers what it was asked to say. */
    private static final class Recorder implements Speaker {
        final List<List<Prompt>> said = new ArrayList<>();
        final List<VoiceSettings> settings = new ArrayList<>();

        @Override
        public void say(List<Prompt> prompts, VoiceSettings with) {
            said.add(prompts);
            settings.add(with);
        }

        @Override
        public void close() {
        }
    }

    static Screen screen(SessionState state, Language language, int secondsLeft) {
        boolean confirm = state == SessionState.CONFIRM;
        ErrorCode error = state == SessionState.REFUSED ? ErrorCode.PIN_BLOCKED : null;
        return new Screen(1, state, language, null, state == SessionState.REFUSED, 3, 0, null, null, null, 2, 5, 240, 0,
                confirm ? SUMMARY : null, error, state == SessionState.IDLE ? 100 : 0, 0, null, List.of(), false,
                secondsLeft, state == SessionState.IDLE);
    }

    @Test
    void everyPromptIsRenderedAudibleAndOfAPlausibleLength() throws Exception {
        requireTools();
        int rendered = 0;
        for (Language language : Language.values()) {
            for (SessionState state : SessionState.values()) {
                for (boolean reading : new boolean[] {false, true}) {
                    for (Prompt prompt : Prompts.of(screen(state, language, -1), reading)) {
                        check(prompt);
                        rendered++;
                    }
                }
            }
            check(Prompts.countdown(screen(SessionState.PIN, language, 15)));
            for (ErrorCode code : ErrorCode.values()) {
                check(Prompts.refusal(code, language));
            }
        }
        assertTrue(rendered > 60, "rendered " + rendered);
    }

    @Test
    void louderIsLouder() throws Exception {
        requireTools();
        Prompt prompt = new Prompt(Language.JA, "しょうめいしょを おとりください。");
        Path soft = dir.resolve("soft.wav");
        Path loud = dir.resolve("loud.wav");
        EspeakSpeaker.render(prompt, new VoiceSettings(1, false), soft);
        EspeakSpeaker.render(prompt, new VoiceSettings(5, false), loud);
        assertTrue(rms(loud) > 2 * rms(soft), "volume 5 vs 1: " + rms(loud) + " / " + rms(soft));
    }

    @Test
    void nothingPersonalIsEverSaidNotEvenToTheHeadphones() {
        for (Language language : Language.values()) {
            for (boolean reading : new boolean[] {false, true}) {
                for (Prompt prompt : Prompts.of(screen(SessionState.CONFIRM, language, -1), reading)) {
                    assertFalse(prompt.text().contains("山田") || prompt.text().contains("HANAKO")
                            || prompt.text().contains("1985") || prompt.text().contains("FA1234"), prompt.text());
                }
            }
        }
        List<Prompt> reading = Prompts.of(screen(SessionState.CONFIRM, Language.EN, -1), true);
        assertTrue(reading.stream().anyMatch(p -> p.text().contains("2 doses")), "headphones hear the dose count");
    }

    @Test
    void japaneseIsReadInKanaAndNumbersInWords() {
        for (SessionState state : SessionState.values()) {
            for (Prompt prompt : Prompts.of(screen(state, Language.JA, -1), true)) {
                if (prompt.language() == Language.JA) {
                    assertFalse(Pattern.compile("[\\p{IsHan}0-9]").matcher(prompt.text()).find(),
                            "no kanji or digits: " + prompt.text());
                }
            }
        }
        assertEquals("せんにひゃくさんじゅうよん", KanaNumber.of(1234));
        assertEquals("さんびゃくはちじゅう", KanaNumber.of(380));
        assertEquals("ろっぴゃく", KanaNumber.of(600));
        assertEquals("いちまんはっせん", KanaNumber.of(18000));
        assertEquals("じゅうきゅう", KanaNumber.of(19));
    }

    @Test
    void theGuideSpeaksNewScreensTheCountdownAndRepeatsAndItsSettingsEndWithTheSession() {
        Recorder recorder = new Recorder();
        VoiceGuide guide = new VoiceGuide(recorder);
        guide.accept(screen(SessionState.IDLE, null, -1));
        assertTrue(recorder.said.isEmpty(), "nothing said at power-on");
        guide.accept(screen(SessionState.PIN, Language.JA, -1));
        assertEquals(1, recorder.said.size());
        guide.accept(screen(SessionState.PIN, Language.JA, -1));
        assertEquals(1, recorder.said.size(), "the same screen again says nothing");
        guide.accept(screen(SessionState.PIN, Language.JA, 20));
        assertTrue(recorder.said.get(1).get(0).text().contains("にじゅうびょう"), "the countdown is spoken");
        guide.repeat();
        assertEquals(recorder.said.get(0), recorder.said.get(2), "repeat says the screen again");
        assertEquals(4, guide.louder().volume());
        assertTrue(guide.headphones(true).headphones());
        assertTrue(recorder.said.get(recorder.said.size() - 1).size() > recorder.said.get(0).size(),
                "headphone mode reads more of the screen");
        guide.accept(screen(SessionState.IDLE, Language.JA, -1));
        assertEquals(VoiceSettings.DEFAULT, guide.settings(), "the next customer starts with the defaults");
    }

    @Test
    void withoutAnAudioDeviceSpeakingFailsQuietly() throws Exception {
        requireTools();
        Speaker speaker = EspeakSpeaker.system(null);
        speaker.say(List.of(new Prompt(Language.EN, "Touch the screen to start.")), VoiceSettings.DEFAULT);
        Thread.sleep(300);
        speaker.say(List.of(new Prompt(Language.JA, "カードを おとりください。")), VoiceSettings.DEFAULT);
        speaker.close();
    }

    // --- measuring ------------------------------------------------------------------------------

    private void check(Prompt prompt) throws IOException, InterruptedException {
        Path wav = dir.resolve("prompt.wav");
        EspeakSpeaker.render(prompt, VoiceSettings.DEFAULT, wav);
        double seconds = Double.parseDouble(sox("--i", "-D", wav.toString()).trim());
        int letters = prompt.text().replaceAll("[\\s、。,.!?]", "").length();
        // eSpeak NG at 145 words a minute: roughly 0.05..0.25 s a letter (English) or a kana
        assertTrue(seconds > 0.04 * letters && seconds < 0.35 * letters + 1,
                seconds + " s for " + letters + " letters: " + prompt.text());
        assertTrue(rms(wav) > 0.02, "not silent: " + prompt.text());
        Files.delete(wav);
    }

    private double rms(Path wav) throws IOException, InterruptedException {
        String stat = sox(wav.toString(), "-n", "stat");
        Matcher m = Pattern.compile("RMS\\s+amplitude:\\s+([0-9.]+)").matcher(stat);
        if (!m.find()) {
            fail("no RMS in sox stat: " + stat);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String sox(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(args[0].equals("--i") ? "soxi" : "sox");
        command.addAll(args[0].equals("--i") ? List.of(args).subList(1, args.length) : List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            fail(command + " failed: " + out);
        }
        return out;
    }

    private static void requireTools() {
        boolean present = Files.isExecutable(EspeakSpeaker.ESPEAK) && Files.isExecutable(Path.of("/usr/bin/sox"));
        if (!present) {
            String message = "espeak-ng and sox are needed (apt-get install espeak-ng sox)";
            if ("true".equals(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
    }
}
