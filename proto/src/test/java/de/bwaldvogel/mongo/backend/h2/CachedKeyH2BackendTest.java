package de.bwaldvogel.mongo.backend.h2;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** The proposed key type must order index keys exactly as H2's default does, or existing files would break. */
class CachedKeyH2BackendTest {

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
        CachedKeyH2Backend.CachedKeyType cached = new CachedKeyH2Backend.CachedKeyType();
        for (KeyValue a : keys) {
            for (KeyValue b : keys.subList(0, 40)) {
                assertThat(Integer.signum(cached.compare(a, b))).isEqualTo(Integer.signum(plain.compare(a, b)));
            }
        }
    }
}
