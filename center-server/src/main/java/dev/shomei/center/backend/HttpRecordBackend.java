package dev.shomei.center.backend;

import dev.shomei.center.issue.RecordBackend;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.ApiError;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * The record backend over HTTPS with mutual TLS (the LGWAN link). Each attempt is bounded from
 * connect to the last byte; a call that gets no answer is retried with the same body (so an issue
 * retry carries the same transaction id and the backend returns the same issuance) until the
 * attempts or the deadline run out, then it is BACKEND_UNAVAILABLE. A refusal is never retried.
 */
public final class HttpRecordBackend implements RecordBackend {
    private static final System.Logger LOG = System.getLogger(HttpRecordBackend.class.getName());
    private static final String JSON = "application/json; charset=UTF-8";
    /** Answers bigger than this are refused: an issue response is a few KiB. */
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private final BackendClientSettings settings;
    private final HttpClient client;

    public HttpRecordBackend(BackendClientSettings settings, SSLContext tls) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.attemptTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newCachedThreadPool(Thread.ofPlatform().name("backend-http-", 0).daemon().factory()))
                .build();
    }

    @Override
    public MunicipalityList municipalities() {
        return call("GET", BackendApi.MUNICIPALITIES, null, MunicipalityList.class, "municipalities");
    }

    @Override
    public IssuanceResponse issue(IssuanceRequest request) {
        return call("POST", BackendApi.ISSUANCES, BackendJson.write(request), IssuanceResponse.class,
                "issue tx=" + request.transactionId());
    }

    @Override
    public StatusResponse updateStatus(StatusUpdate update) {
        return call("POST", BackendApi.ISSUANCE_STATUS, BackendJson.write(update), StatusResponse.class,
                "status tx=" + update.transactionId());
    }

    @Override
    public UnconfirmedIssuances unconfirmed(Duration olderThan) {
        return call("GET", BackendApi.UNCONFIRMED + "?olderThanSeconds=" + olderThan.toSeconds(), null,
                UnconfirmedIssuances.class, "unconfirmed");
    }

    @Override
    public TransactionIssuances byTransaction(String transactionId) {
        return call("GET", BackendApi.ISSUANCES + "?" + BackendApi.TRANSACTION_PARAMETER + "="
                + URLEncoder.encode(transactionId, StandardCharsets.UTF_8), null, TransactionIssuances.class,
                "lookup tx=" + transactionId);
    }

    private <T> T call(String method, String path, byte[] body, Class<T> type, String what) {
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        Duration pause = settings.backoff();
        String lastFailure = "no attempt";
        try {
            for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                Duration timeout = Duration.ofNanos(Math.min(left, settings.attemptTimeout().toNanos()));
                try {
                    HttpResponse<byte[]> response = send(method, path, body, timeout);
                    int status = response.statusCode();
                    if (status == 200) {
                        byte[] answer = response.body();
                        try {
                            return BackendJson.read(answer, type);
                        } finally {
                            Arrays.fill(answer, (byte) 0); // an issue answer holds the certificate's contents
                        }
                    }
                    ErrorCode code = errorCode(response);
                    if (status != 503 && code != ErrorCode.BACKEND_UNAVAILABLE) {
                        throw new ShomeiException(code, "backend refused " + what);
                    }
                    lastFailure = "HTTP " + status;
                } catch (TimeoutException e) {
                    lastFailure = "no answer within " + timeout.toMillis() + " ms";
                } catch (ExecutionException e) {
                    lastFailure = e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName();
                }
                LOG.log(System.Logger.Level.WARNING, "backend {0}: attempt {1} failed ({2})", what, attempt, lastFailure);
                long sleep = Math.min(pause.toNanos(), deadline - System.nanoTime());
                if (attempt < settings.attempts() && sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
                pause = pause.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lastFailure = "interrupted";
        } finally {
            if (body != null) {
                Arrays.fill(body, (byte) 0); // the issue body holds the My Number
            }
        }
        throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "backend " + what + ": " + lastFailure);
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body, Duration timeout)
            throws TimeoutException, ExecutionException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.baseUri() + path))
                .timeout(timeout)
                .header("Accept", "application/json");
        if (body == null) {
            request.GET();
        } else {
            // the array itself, not a copy: the caller wipes it once the last attempt is over
            request.header("Content-Type", JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), limitedBody());
        try {
            // bounds the body too, which HttpRequest.timeout alone does not
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private static HttpResponse.BodyHandler<byte[]> limitedBody() {
        return info -> {
            long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > MAX_RESPONSE_BYTES) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            return HttpResponse.BodySubscribers.ofByteArray();
        };
    }

    private static ErrorCode errorCode(HttpResponse<byte[]> response) {
        try {
            return BackendJson.read(response.body(), ApiError.class).errorCode();
        } catch (ShomeiException e) {
            return response.statusCode() == 503 ? ErrorCode.BACKEND_UNAVAILABLE : ErrorCode.INTERNAL;
        }
    }
}
