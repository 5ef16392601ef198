package dev.shomei.kiosk.voice;

import java.util.List;

/** Says prompts on the kiosk's audio output; a new call interrupts what is being said. Must not block. */
public interface Speaker extends AutoCloseable {
    void say(List<Prompt> prompts, VoiceSettings settings);

    @Override
    void close();

    /** Says nothing (tests that do not listen, machines without eSpeak NG). */
    Speaker SILENT = new Speaker() {
        @Override
        public void say(List<Prompt> prompts, VoiceSettings settings) {
        }

        @Override
        public void close() {
        }
    };
}
