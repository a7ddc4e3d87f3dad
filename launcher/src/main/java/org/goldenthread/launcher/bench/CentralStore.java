package org.goldenthread.launcher.bench;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.goldenthread.gateway.federation.FederatedView;
import org.goldenthread.gateway.federation.ViewItems;
import org.goldenthread.gateway.federation.ViewRequest;
import org.goldenthread.platform.store.EmbeddedMongoStore;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "central store" the cost-of-federation ratio compares with: every agency's items about a
 * person in ONE database (the same embedded MongoDB engine the nodes use), in ONE document per
 * person read by NHS number with one primary-key look-up (the engine ignores secondary indexes, so
 * an "indexed" query on an item's {@code nhs} field scans every item; the fastest design on this
 * engine, measured), with no consent decision, no grant and no fan-out; answered as the very
 * same {@link FederatedView} JSON by the same stack as the gateway (Spring WebFlux on Reactor
 * Netty, Jackson with the gateway's own mapper), after the same access-token validation (the
 * gateway's decoder). Its documents are the items the nodes released for the same subjects.
 */
final class CentralStore implements AutoCloseable {

    private final EmbeddedMongoStore store;
    private final MongoClient client;
    private final MongoCollection<Document> people;
    private final JsonMapper json;
    private final ReactiveJwtDecoder tokens;
    private DisposableServer server;

    CentralStore(Path dataDir, JsonMapper json, ReactiveJwtDecoder tokens) {
        this.store = new EmbeddedMongoStore(dataDir.resolve("central-store"));
        this.client = MongoClients.create(store.connectionString());
        this.people = client.getDatabase("central").getCollection("people");
        this.json = json;
        this.tokens = tokens;
    }

    /** Files one subject's view as one document of items, as a central case database on this engine would. */
    void load(String nhsNumber, FederatedView view) {
        List<Document> documents = new ArrayList<>();
        view.agencies().forEach(a -> documents.add(document("agency", a)));
        view.cases().forEach(c -> documents.add(document("case", c)));
        view.timeline().forEach(e -> documents.add(document("event", e)));
        view.planActions().forEach(a -> documents.add(document("action", a)));
        view.ragHistory().forEach(r -> documents.add(document("rag", r)));
        people.insertOne(new Document("_id", nhsNumber).append("items", documents));
    }

    private Document document(String type, Object item) {
        return new Document("type", type).append("item", Document.parse(json.writeValueAsString(item)));
    }

    /** Serves {@code POST /central/view} (a {@link ViewRequest} body) on a loopback port; its base URL. */
    String start() {
        HandlerStrategies strategies = HandlerStrategies.builder().codecs(c -> {
            c.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
            c.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
        }).build();
        RouterFunction<ServerResponse> routes = RouterFunctions.route().POST("/central/view", this::view).build();
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(routes, strategies)))
                .bindNow();
        return "http://127.0.0.1:" + server.port();
    }

    private Mono<ServerResponse> view(ServerRequest request) {
        String bearer = request.headers().firstHeader("Authorization");
        if (bearer == null || !bearer.startsWith("Bearer ")) {
            return ServerResponse.status(401).build();
        }
        return tokens.decode(bearer.substring("Bearer ".length()))
                .then(request.bodyToMono(ViewRequest.class))
                // The sync driver blocks: off the event loop, as the gateway runs its blocking calls.
                .flatMap(asked -> Mono.fromCallable(() -> read(asked.subject().nhsNumber().replace(" ", "")))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(view -> ServerResponse.ok().bodyValue(view))
                .onErrorResume(e -> ServerResponse.status(401).build());
    }

    private FederatedView read(String nhsNumber) {
        List<FederatedView.AgencyResult> agencies = new ArrayList<>();
        List<ViewItems.CaseItem> cases = new ArrayList<>();
        List<ViewItems.EventItem> timeline = new ArrayList<>();
        List<ViewItems.ActionItem> actions = new ArrayList<>();
        List<ViewItems.RagItem> rag = new ArrayList<>();
        Document person = people.find(eq("_id", nhsNumber)).first();
        for (Document d : person == null ? List.<Document>of() : person.getList("items", Document.class)) {
            Document item = d.get("item", Document.class);
            switch (d.getString("type")) {
                case "agency" -> agencies.add(json.convertValue(item, FederatedView.AgencyResult.class));
                case "case" -> cases.add(json.convertValue(item, ViewItems.CaseItem.class));
                case "event" -> timeline.add(json.convertValue(item, ViewItems.EventItem.class));
                case "action" -> actions.add(json.convertValue(item, ViewItems.ActionItem.class));
                default -> rag.add(json.convertValue(item, ViewItems.RagItem.class));
            }
        }
        // The same orderings as the gateway's merge.
        agencies.sort(Comparator.comparing(FederatedView.AgencyResult::agency));
        timeline.sort(Comparator.comparing(ViewItems.EventItem::occurredAt, Comparator.nullsLast(Comparator.reverseOrder())));
        rag.sort(Comparator.comparing(ViewItems.RagItem::changedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        cases.sort(Comparator.comparing(ViewItems.CaseItem::openedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return new FederatedView(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "CASE_MANAGEMENT", null,
                agencies, cases, timeline, actions, rag);
    }

    @Override
    public void close() {
        if (server != null) {
            server.disposeNow();
        }
        client.close();
        store.close();
    }
}
