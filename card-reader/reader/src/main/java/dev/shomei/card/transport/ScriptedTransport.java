package dev.shomei.card.transport;

import dev.shomei.card.apdu.Hex;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A fake card that expects an exact APDU script: {@code with("00A4040C0A...", "9000")}. An
 * unexpected command fails with {@link IllegalStateException} (its data masked like the trace).
 * For tests of odd status words a real or virtual card would never give.
 */
public final class ScriptedTransport implements CardTransport {
    private record Step(byte[] command, byte[] response) {
    }

    private final Deque<Step> script = new ArrayDeque<>();
    private int sent;
    private boolean closed;

    /** Expect {@code commandHex} next and answer {@code responseHex} (spaces allowed). */
    public ScriptedTransport with(String commandHex, String responseHex) {
        script.add(new Step(Hex.parse(commandHex), Hex.parse(responseHex)));
        return this;
    }

    @Override
    public byte[] transceive(byte[] command) {
        Step step = script.poll();
        sent++;
        if (step == null) {
            throw new IllegalStateException("APDU #" + sent + " after the end of the script: "
                    + new ApduTraceFormatter().command(command));
        }
        if (!Arrays.equals(step.command, command)) {
            throw new IllegalStateException("APDU #" + sent + " was " + new ApduTraceFormatter().command(command)
                    + ", expected " + new ApduTraceFormatter().command(step.command));
        }
        return step.response.clone();
    }

    /** True when every scripted APDU was sent. */
    public boolean isDone() {
        return script.isEmpty();
    }

    public int sent() {
        return sent;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
