package dev.shomei.kiosk.voice;

/**
 * The resident's choices for the voice: volume step and headphone mode (output on the headphone
 * jack, and the screen read out in more detail). Back to {@link #DEFAULT} when a session ends.
 */
public record VoiceSettings(int volume, boolean headphones) {
    public static final int MIN_VOLUME = 1;
    public static final int MAX_VOLUME = 5;
    public static final VoiceSettings DEFAULT = new VoiceSettings(3, false);

    public VoiceSettings {
        if (volume < MIN_VOLUME || volume > MAX_VOLUME) {
            throw new IllegalArgumentException("volume must be " + MIN_VOLUME + ".." + MAX_VOLUME);
        }
    }

    VoiceSettings louder() {
        return new VoiceSettings(Math.min(MAX_VOLUME, volume + 1), headphones);
    }

    VoiceSettings softer() {
        return new VoiceSettings(Math.max(MIN_VOLUME, volume - 1), headphones);
    }

    VoiceSettings withHeadphones(boolean on) {
        return new VoiceSettings(volume, on);
    }

    /** eSpeak NG's amplitude (0..200, default 100) for the volume step. */
    int amplitude() {
        return 40 * volume - 20;
    }
}
