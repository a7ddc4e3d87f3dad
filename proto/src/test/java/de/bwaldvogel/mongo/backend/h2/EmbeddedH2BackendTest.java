package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The proposed key type must order index keys exactly as H2's default does, or existing files would break. */
class EmbeddedH2BackendTest {

    @Test
    void ordersIndexKeysExactlyAsTheDefaultKeyType() {
        SplittableRandom random = new SplittableRandom(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(switch (random.nextInt(3)) {
                case 0 -> new KeyValue("case-" + random.nextInt(50), "E" + random.nextInt(20));
                case 1 -> new KeyValue(random.nextLong());
                default -> new KeyValue("S" + random.nextInt(1000));
            });
        }
        ObjectDataType plain = new ObjectDataType();
        EmbeddedH2Backend.CachedKeyType cached = new EmbeddedH2Backend.CachedKeyType();
        for (KeyValue a : keys) {
            for (KeyValue b : keys.subList(0, 40)) {
                assertThat(Integer.signum(cached.compare(a, b))).isEqualTo(Integer.signum(plain.compare(a, b)));
            }
        }
    }

    @Test
    void writesDocumentsAsBsonAndStillReadsJavaSerialisedOnes() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "C-1")
                .append("status", "ACTIVE").append("revision", 3)
                .append("provisions", List.of(new de.bwaldvogel.mongo.bson.Document("type", "DENY")));
        BsonDocumentType bson = new BsonDocumentType();

        java.nio.ByteBuffer written = written(bson, document);
        assertThat(written.get(0)).isEqualTo(BsonDocumentType.BSON);
        assertThat(bson.read(written)).isEqualTo(document);
        assertThat(written.hasRemaining()).isFalse();

        java.nio.ByteBuffer legacy = written(new ObjectDataType(), document);
        assertThat(legacy.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(bson.read(legacy)).isEqualTo(document);

        // Anything but a document is H2's business, as before.
        assertThat(bson.read(written(bson, "S-1"))).isEqualTo("S-1");
        assertThat(bson.read(written(bson, 42L))).isEqualTo(42L);
    }

    private static java.nio.ByteBuffer written(ObjectDataType type, Object value) {
        org.h2.mvstore.WriteBuffer buffer = new org.h2.mvstore.WriteBuffer();
        type.write(buffer, value);
        java.nio.ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return bytes;
    }
}
