package dev.shomei.bench.backend;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.center.backend.BackendClientSettings;
import dev.shomei.center.backend.HttpRecordBackend;
import dev.shomei.center.backend.MutualTls;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import dev.shomei.record.RecordStore;
import dev.shomei.record.api.BackendServer;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.keys.IssuerKeySources;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The center's link to the record backend: one call over mutual TLS (kept-alive connection) to a
 * real {@link BackendServer} in this JVM, answering the municipality list, with three HTTP
 * clients: the center's {@link HttpRecordBackend} (JDK {@code HttpClient}, asynchronous,
 * HTTP/1.1), Helidon's blocking WebClient, and {@code HttpsURLConnection}. The server's share is
 * the same in all three, so the difference is what the client costs; the center makes two such
 * calls per issuance (issue, print outcome).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class BackendLinkBench {
    private Path dir;
    private RecordStore store;
    private BackendServer server;
    private HttpRecordBackend jdkClient;
    private WebClient helidonClient;
    private URI municipalities;
    private SSLSocketFactory sockets;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("shomei-bench-link-");
        BenchKeys keys = BenchKeys.standard();
        DevPki pki = keys.pki();
        store = RecordStore.open("jdbc:sqlite:" + dir.resolve("records.db"), dir.resolve("master-keys.p12"));
        for (Municipality municipality : BuiltInMunicipalities.all()) {
            store.ensureMunicipality(municipality, "OPERATOR", "benchmark");
        }
        server = BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                Duration.ofSeconds(30)), store, IssuerKeySources.dev(pki, BenchKeys.ISSUER), Clock.systemUTC());
        URI base = URI.create("https://127.0.0.1:" + server.apiPort());
        TlsIdentity client = pki.centerClient();
        SSLContext tls = MutualTls.context(client.privateKey(), List.of(client.certificate()), List.of(pki.rootCaCertificate()));
        jdkClient = new HttpRecordBackend(BackendClientSettings.defaults(base), tls);
        helidonClient = WebClient.builder().baseUri(base).tls(Tls.builder().sslContext(tls).build()).build();
        municipalities = base.resolve(BackendApi.MUNICIPALITIES);
        sockets = tls.getSocketFactory();
        if (jdkClient().municipalities().size() != helidonWebClient().municipalities().size()
                || httpsUrlConnection().municipalities().size() != BuiltInMunicipalities.all().size()) {
            throw new IllegalStateException("the clients do not agree on the municipality list");
        }
    }

    @Benchmark
    public MunicipalityList jdkClient() {
        return jdkClient.municipalities();
    }

    @Benchmark
    public MunicipalityList helidonWebClient() {
        byte[] body = helidonClient.get(BackendApi.MUNICIPALITIES)
                .header(HeaderNames.ACCEPT, "application/json")
                .requestEntity(byte[].class);
        return BackendJson.read(body, MunicipalityList.class);
    }

    @Benchmark
    public MunicipalityList httpsUrlConnection() {
        try {
            HttpsURLConnection connection = (HttpsURLConnection) municipalities.toURL().openConnection();
            connection.setSSLSocketFactory(sockets);
            connection.setRequestProperty("Accept", "application/json");
            try (InputStream in = connection.getInputStream()) { // read to the end: the connection goes back to the pool
                return BackendJson.read(in.readAllBytes(), MunicipalityList.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        server.close();
        store.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
