package dev.shomei.card.sim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;

/**
 * Puts a {@link VirtualCard} into the reader {@code Virtual PCD 00 00} of a real pcscd running the
 * vsmartcard vpcd driver. The card is the TCP client; pcscd's vpcd listens on 35963.
 *
 * <p>Wire protocol, both directions: 2-byte big-endian length, then the payload; vpcd speaks first.
 * A 1-byte payload is control: {@code 00} power off, {@code 01} power on, {@code 02} reset (no reply),
 * {@code 04} get ATR (reply: the ATR). Any longer payload is a command APDU, answered with the
 * response APDU. Closing the connection removes the card ({@link #close()}).
 */
public final class VpcdClient implements AutoCloseable {
    public static final int DEFAULT_PORT = 35963;
    public static final String DEFAULT_READER = "Virtual PCD 00 00";

    static final int CONTROL_POWER_OFF = 0x00;
    static final int CONTROL_POWER_ON = 0x01;
    static final int CONTROL_RESET = 0x02;
    static final int CONTROL_GET_ATR = 0x04;

    private static final Logger LOG = System.getLogger(VpcdClient.class.getName());
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    private final VirtualCard card;
    private final Socket socket;
    private final Thread thread;
    private volatile boolean closing;

    private VpcdClient(VirtualCard card, Socket socket) {
        this.card = card;
        this.socket = socket;
        this.thread = Thread.ofPlatform().daemon().name("vpcd-card-" + socket.getLocalPort()).unstarted(this::serve);
    }

    /**
     * Connects to vpcd, retrying until {@code timeout} (pcscd may still be starting), and serves
     * the card on a daemon thread until {@link #close()} or until vpcd hangs up.
     *
     * @throws IOException when no connection could be made in time
     */
    public static VpcdClient connect(VirtualCard card, String host, int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last;
        do {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, Math.min(timeout.toMillis(), 2000)));
                VpcdClient client = new VpcdClient(card, socket);
                client.thread.start();
                LOG.log(Level.INFO, "virtual card inserted into vpcd at {0}:{1,number,#}", host, port);
                return client;
            } catch (IOException e) {
                last = e;
                socket.close();
            }
            try {
                Thread.sleep(RETRY_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while connecting to vpcd", e);
            }
        } while (System.nanoTime() < deadline);
        throw new IOException("vpcd not reachable at " + host + ":" + port + " within " + timeout.toMillis() + " ms", last);
    }

    /** True while vpcd is connected (the card is in the reader). */
    public boolean isConnected() {
        return thread.isAlive();
    }

    /** Waits until the session ends (vpcd hung up or {@link #close()}); false on timeout. */
    public boolean awaitDisconnect(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    private void serve() {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            while (true) {
                int length = in.readUnsignedShort();
                byte[] payload = new byte[length];
                in.readFully(payload);
                try {
                    byte[] reply = handle(payload);
                    if (reply != null) {
                        out.writeShort(reply.length);
                        out.write(reply);
                        out.flush();
                        Arrays.fill(reply, (byte) 0);
                    }
                } finally {
                    Arrays.fill(payload, (byte) 0);
                }
            }
        } catch (EOFException | SocketException e) {
            if (!closing) {
                LOG.log(Level.INFO, "vpcd closed the connection");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "vpcd connection failed: {0}", e.getClass().getSimpleName());
        } finally {
            card.reset();
        }
    }

    /** The reply to one vpcd message, or null when none is due. */
    byte[] handle(byte[] payload) {
        if (payload.length == 1) {
            switch (payload[0] & 0xFF) {
                case CONTROL_POWER_OFF, CONTROL_POWER_ON, CONTROL_RESET -> {
                    card.reset();
                    return null;
                }
                case CONTROL_GET_ATR -> {
                    return card.atr();
                }
                default -> {
                    LOG.log(Level.WARNING, "unknown vpcd control byte {0}", payload[0] & 0xFF);
                    return null;
                }
            }
        }
        if (payload.length == 0) {
            return null;
        }
        return card.process(payload);
    }

    /** Removes the card from the reader (closes the connection). */
    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing the vpcd socket failed: {0}", e.getClass().getSimpleName());
        }
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
