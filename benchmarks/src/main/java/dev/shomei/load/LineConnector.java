package dev.shomei.load;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.line.transport.EventLoops;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.pki.DevPki;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;

/**
 * Opens a simulated terminal's line connection the way a kiosk does: TLS 1.3 with the terminal's
 * own client certificate (trusting only the dev CA), then {@link Hello} answered by {@link Ack}.
 * All connections share one small event loop group.
 */
public final class LineConnector implements AutoCloseable {
    public static final String FIRMWARE = "loadgen-1";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final DevPki pki;
    private final LoadArgs.HostPort center;
    private final LineSettings settings;
    private final EventLoopGroup group;

    /** @param readerIdle close a connection that receives nothing for this long (must exceed the heartbeat interval) */
    public LineConnector(DevPki pki, LoadArgs.HostPort center, int eventLoopThreads, Duration readerIdle) {
        this.pki = pki;
        this.center = center;
        this.settings = LineSettings.client().withReaderIdleTimeout(readerIdle);
        this.group = EventLoops.newGroup("loadgen-line", eventLoopThreads);
    }

    /**
     * Connects and says Hello as {@code terminalId}.
     *
     * @throws ShomeiException with the refusal's code, or {@code CENTER_UNAVAILABLE}
     */
    public LineClient connect(String terminalId, Duration timeout) {
        var identity = pki.terminal(terminalId);
        LineClient client = LineClient.connect(group, center.host(), center.port(),
                LineTls.clientContext(identity, pki.rootCaPem()), settings, CONNECT_TIMEOUT);
        try {
            LineMessage answer = client.request(new Hello(terminalId, FIRMWARE), timeout);
            if (answer instanceof Ack ack && ack.acknowledged() == MessageType.HELLO) {
                return client;
            }
            if (answer instanceof Refusal refusal) {
                throw new ShomeiException(refusal.code(), "Hello refused");
            }
            throw new ShomeiException(ErrorCode.PROTOCOL_ERROR, "Hello answered with " + answer.type());
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public void close() {
        EventLoops.shutdownGracefully(group, Duration.ofSeconds(5));
    }
}
