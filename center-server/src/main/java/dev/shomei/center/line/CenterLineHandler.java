package dev.shomei.center.line;

import dev.shomei.center.board.TerminalBoard;
import dev.shomei.center.issue.KioskIssuance;
import dev.shomei.center.registry.CertificatePin;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.MunicipalityListRequest;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.tls.PeerIdentity;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The center's end of one kiosk connection, after TLS (mutual, so the peer has a certificate from
 * the trusted CA whose CN is its terminal id):
 *
 * <ol>
 * <li>The first message must be {@link Hello}, naming the certificate's terminal id; the terminal
 *     must be registered, else {@code Refusal(TERMINAL_DISABLED)} and the connection closes.
 * <li>Then heartbeats (answered with an ack, fed to the board), municipality list requests, issue
 *     requests and print outcomes. A terminal disabled on the console stays connected, because it
 *     must still report how the issuances it made before ended: its heartbeats are fed to the board
 *     but answered with {@code Refusal(TERMINAL_DISABLED)} (so the kiosk shows "out of service"),
 *     and its municipality list and issue requests are refused. Work that may block (card verification, backend, PDF) runs off
 *     the event loop, one message at a time per connection: the connection stops reading while its
 *     message is in work or its answer cannot be written yet (backpressure), and at most
 *     {@code maxConcurrentWork} messages other than print outcomes are in work across all connections.
 * </ol>
 * A peer that sends faster than its rate limit is cut off. One instance per connection.
 */
final class CenterLineHandler extends SimpleChannelInboundHandler<LineMessage> {
    private static final System.Logger LOG = System.getLogger(CenterLineHandler.class.getName());

    private final TerminalRegistry registry;
    private final TerminalBoard board;
    private final KioskIssuance issuance;
    private final LineConnections connections;
    private final LineLimitsConfig limits;
    private final ExecutorService workers;
    private final Semaphore workSlots;
    private final Supplier<Long> nanoTime;

    private String terminalId;
    private boolean counted;
    private boolean busy;
    private TokenBucket rate;
    private ScheduledFuture<?> helloTimer;

    CenterLineHandler(TerminalRegistry registry, TerminalBoard board, KioskIssuance issuance,
            LineConnections connections, LineLimitsConfig limits, ExecutorService workers, Semaphore workSlots) {
        super(LineMessage.class);
        this.registry = registry;
        this.board = board;
        this.issuance = issuance;
        this.connections = connections;
        this.limits = limits;
        this.workers = workers;
        this.workSlots = workSlots;
        this.nanoTime = System::nanoTime;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!connections.open(limits.maxConnections())) {
            LOG.log(System.Logger.Level.WARNING, "line: connection limit reached; closing {0}", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        counted = true;
        rate = new TokenBucket(limits.messagesPerSecond(), limits.messageBurst(), nanoTime.get());
        helloTimer = ctx.executor().schedule(() -> {
            if (terminalId == null) {
                LOG.log(System.Logger.Level.INFO, "line: no Hello from {0} in time; closing", ctx.channel().remoteAddress());
                ctx.close();
            }
        }, limits.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (helloTimer != null) {
            helloTimer.cancel(false);
        }
        if (counted) {
            connections.closed();
        }
        if (terminalId != null) {
            connections.forget(terminalId, ctx.channel());
            board.disconnected(terminalId);
            LOG.log(System.Logger.Level.INFO, "line: terminal {0} disconnected", terminalId);
        }
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, LineMessage message) {
        if (!rate.take(nanoTime.get())) {
            LOG.log(System.Logger.Level.WARNING, "line: {0} exceeds the message rate; closing", describe(ctx));
            refuseAndClose(ctx, "", ErrorCode.PROTOCOL_ERROR);
            return;
        }
        if (terminalId == null) {
            hello(ctx, message);
            return;
        }
        switch (message) {
            case Heartbeat heartbeat -> {
                board.heartbeat(terminalId, heartbeat);
                ctx.writeAndFlush(registry.isEnabled(terminalId) ? Ack.of(MessageType.HEARTBEAT)
                        : new Refusal("", ErrorCode.TERMINAL_DISABLED));
            }
            case MunicipalityListRequest request -> work(ctx, "", () -> issuance.municipalityList(terminalId), true);
            case dev.shomei.protocol.line.MunicipalityCatalogRequest request ->
                    work(ctx, "", () -> issuance.municipalityCatalog(terminalId), true);
            case IssueRequest request -> work(ctx, request.transactionId(), () -> issuance.issue(terminalId, request), true);
            // an outcome closes an issuance the kiosk has been paid for: it takes no work slot, so issue
            // requests filling them never get it refused (paused reading still bounds it to one per connection)
            case PrintOutcome outcome -> work(ctx, outcome.transactionId(), () -> issuance.outcome(terminalId, outcome),
                    false);
            default -> {
                LOG.log(System.Logger.Level.WARNING, "line: {0} sent an unexpected {1}; closing", describe(ctx), message.type());
                refuseAndClose(ctx, "", ErrorCode.PROTOCOL_ERROR);
            }
        }
    }

    private void hello(ChannelHandlerContext ctx, LineMessage message) {
        if (!(message instanceof Hello hello)) {
            LOG.log(System.Logger.Level.WARNING, "line: {0} sent {1} before Hello; closing", describe(ctx), message.type());
            if (message instanceof IssueRequest request) {
                request.wipe();
            }
            refuseAndClose(ctx, "", ErrorCode.PROTOCOL_ERROR);
            return;
        }
        String certified = PeerIdentity.terminalId(ctx.channel());
        if (!certified.equals(hello.terminalId())) {
            LOG.log(System.Logger.Level.WARNING, "line: certificate {0} said Hello as {1}; refused", certified, hello.terminalId());
            refuseAndClose(ctx, "", ErrorCode.TERMINAL_DISABLED);
            return;
        }
        if (registry.find(certified).isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "line: terminal {0} is not registered; refused", certified);
            refuseAndClose(ctx, "", ErrorCode.TERMINAL_DISABLED);
            return;
        }
        if (!registry.pinOnFirstUse(certified, CertificatePin.sha256(PeerIdentity.peerCertificate(ctx.channel())))) {
            LOG.log(System.Logger.Level.WARNING, "line: terminal {0} connected with a certificate other than the one "
                    + "enrolled (replaced or revoked); refused", certified);
            refuseAndClose(ctx, "", ErrorCode.TERMINAL_DISABLED);
            return;
        }
        if (!connections.identified(certified, ctx.channel(), limits.maxConnectionsPerTerminal())) {
            LOG.log(System.Logger.Level.WARNING, "line: terminal {0} already holds {1} connections; refused",
                    certified, limits.maxConnectionsPerTerminal());
            refuseAndClose(ctx, "", ErrorCode.CENTER_UNAVAILABLE);
            return;
        }
        terminalId = certified;
        helloTimer.cancel(false);
        board.connected(terminalId, hello.firmwareVersion());
        LOG.log(System.Logger.Level.INFO, "line: terminal {0} connected from {1} (firmware {2}){3}",
                terminalId, ctx.channel().remoteAddress(), hello.firmwareVersion(),
                registry.isEnabled(terminalId) ? "" : ", disabled: outcomes only");
        ctx.writeAndFlush(Ack.of(MessageType.HELLO));
    }

    /**
     * Runs blocking work off the event loop; reading pauses until its answer is written. With
     * {@code takesSlot} it first waits for one of the {@code maxConcurrentWork} slots.
     */
    private void work(ChannelHandlerContext ctx, String transactionId, Supplier<LineMessage> task, boolean takesSlot) {
        busy = true;
        updateAutoRead(ctx);
        try {
            workers.execute(() -> {
                LineMessage answer;
                boolean acquired = false;
                try {
                    acquired = takesSlot && workSlots.tryAcquire(limits.workWait().toMillis(), TimeUnit.MILLISECONDS);
                    answer = acquired || !takesSlot ? task.get() : new Refusal(transactionId, ErrorCode.CENTER_UNAVAILABLE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answer = new Refusal(transactionId, ErrorCode.CENTER_UNAVAILABLE);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "line: work for " + terminalId + " failed", e);
                    answer = new Refusal(transactionId, ErrorCode.INTERNAL);
                } finally {
                    if (acquired) {
                        workSlots.release();
                    }
                }
                answer(ctx, answer);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            answer(ctx, new Refusal(transactionId, ErrorCode.CENTER_UNAVAILABLE));
        }
    }

    private void answer(ChannelHandlerContext ctx, LineMessage answer) {
        if (ctx.executor().isShuttingDown()) {
            wipe(answer); // the center is stopping: nobody will read this answer
            return;
        }
        ctx.writeAndFlush(answer).addListener(done -> {
            wipe(answer); // encoded and written (or failed): the PDF leaves memory
            if (!ctx.executor().isShuttingDown()) {
                ctx.executor().execute(() -> {
                    busy = false;
                    updateAutoRead(ctx);
                });
            }
        });
    }

    private static void wipe(LineMessage answer) {
        if (answer instanceof IssueResponse response) {
            response.wipe();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        updateAutoRead(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    private void updateAutoRead(ChannelHandlerContext ctx) {
        boolean read = !busy && ctx.channel().isWritable();
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
            if (read) {
                ctx.read();
            }
        }
    }

    private static void refuseAndClose(ChannelHandlerContext ctx, String transactionId, ErrorCode code) {
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(new Refusal(transactionId, code)).addListener(ChannelFutureListener.CLOSE);
    }

    private String describe(ChannelHandlerContext ctx) {
        return (terminalId == null ? PeerIdentity.commonNameIfKnown(ctx.channel()).orElse("?") : terminalId)
                + "@" + ctx.channel().remoteAddress();
    }
}
