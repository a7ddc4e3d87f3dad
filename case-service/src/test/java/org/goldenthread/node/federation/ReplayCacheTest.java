package org.goldenthread.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.node.TestNode;
import org.goldenthread.proto.common.v1.DataCategory;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.goldenthread.proto.node.v1.MatchSubjectRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that cannot remember another live grant refuses the call rather than leave the grant unchecked. */
class ReplayCacheTest {

    @TempDir
    static Path data;
    static TestNode node;
    static NodeClient client;

    @BeforeAll
    static void boot() {
        node = new TestNode(data, "--goldenthread.node.grant-replay.capacity=2");
        client = new NodeClient(node);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        node.close();
    }

    @Test
    void refusesNewGrantsWhileFullOfLiveOnes() {
        List<LinkageToken> someone = client.tokens(null, "Marsh", "Dee", LocalDate.of(1990, 7, 7), null);
        MatchSubjectRequest ask = MatchSubjectRequest.newBuilder().addAllTokens(someone).build();
        DataCategory involvement = DataCategory.DATA_CATEGORY_INVOLVEMENT;
        assertThat(client.stub(NodeClient.grant(someone, involvement)).matchSubject(ask).getMatchesList()).isEmpty();
        assertThat(client.stub(NodeClient.grant(someone, involvement)).matchSubject(ask).getMatchesList()).isEmpty();

        var refused = client.assertRefused(() -> client.stub(NodeClient.grant(someone, involvement)).matchSubject(ask),
                Status.Code.RESOURCE_EXHAUSTED, "REPLAY_CACHE_FULL");
        assertThat(refused.getStatus().getDescription()).contains("ask again shortly");
    }
}
