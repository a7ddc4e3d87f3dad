package org.goldenthread.node;

import com.mongodb.client.MongoDatabase;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.node.federation.NodeGrpcServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * One booted node for a test class: the production application with ports 0, a temporary store,
 * the test issuers' JWKS URLs and a test linkage key; plus a REST client and a gRPC channel.
 */
public final class TestNode implements AutoCloseable {

    public static final String AGENCY = "police";
    /** 32 bytes, base64: "0123456789abcdef0123456789abcdef". */
    static final String LINKAGE_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    public final TestIssuers issuers = new TestIssuers();
    public final ConfigurableApplicationContext context;
    public final RestClient http;
    public final ManagedChannel channel;

    public TestNode(Path data, String... moreArguments) {
        String[] arguments = java.util.stream.Stream.concat(java.util.stream.Stream.of(
                "--server.port=0",
                "--goldenthread.store.data-dir=" + data,
                "--goldenthread.node.agency-id=" + AGENCY,
                "--goldenthread.node.grpc.port=0",
                "--goldenthread.node.grpc.shutdown-grace=1s",
                "--goldenthread.consent.url=" + issuers.consentUrl(),
                "--goldenthread.identity.url=" + issuers.identityUrl(),
                "--goldenthread.linkage.key-id=test-1",
                "--goldenthread.linkage.key=" + LINKAGE_KEY), java.util.Arrays.stream(moreArguments))
                .toArray(String[]::new);
        context = CaseServiceApplication.application().run(arguments);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", context.getBean(NodeGrpcServer.class).port())
                .usePlaintext().build();
    }

    public LinkageTokens linkage() {
        return context.getBean(LinkageTokens.class);
    }

    public MongoDatabase database() {
        return context.getBean(MongoDatabase.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** PUT of a JSON body with a bearer token; the answer whatever its status. */
    public ResponseEntity<String> put(String path, String token, String json) {
        return http.put().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
    }

    public ResponseEntity<String> get(String path, String token) {
        var request = http.get().uri(path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.retrieve().toEntity(String.class);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
        context.close();
        issuers.close();
    }
}
