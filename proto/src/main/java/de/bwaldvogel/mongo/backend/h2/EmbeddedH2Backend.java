package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The embedded store's backend: mongo-java-server's H2 backend with faster unique-index look-ups
 * and documents kept as BSON ({@link BsonDocumentType}) rather than Java-serialised (in this
 * package because {@link H2UniqueIndex}'s and {@link H2Collection}'s constructors are package-private
 * or internal; used by {@code org.goldenthread.platform.store.EmbeddedMongoStore}).
 *
 * <p>Index keys: mongo-java-server opens each unique index as an MVMap with H2's default
 * {@link ObjectDataType} keys. Its keys ({@link KeyValue}) are not {@code Comparable}, so H2
 * compares two of them by Java-serializing both, at every step of every B-tree descent: profiling
 * the node's generator showed ~70% of the store's CPU in those serializations. This backend opens
 * the index maps with a key type that keeps each key object's serialized bytes (weakly)
 * and compares those: the very same order and the very same file format, so existing files stay
 * valid, minus the repeated serialization. Measured by the node's benchmark: generation CPU per 10,000
 * persons 75 s → 31 s; consent-service's decisions allocate far less per look-up.
 */
public class EmbeddedH2Backend extends H2Backend {

    /** One value type for every collection, so its running size estimate learns from all of them. */
    private static final BsonDocumentType DOCUMENTS = new BsonDocumentType();

    public EmbeddedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** Inner, so the store is reachable while the superclass constructor already opens indexes. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /** As {@link H2Database}'s, with the same map names, but documents stored as BSON. */
        @Override
        protected de.bwaldvogel.mongo.MongoCollection<Object> openOrCreateCollection(String collectionName,
                de.bwaldvogel.mongo.backend.CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = getMvStore().openMap(DATABASES_PREFIX + fullName,
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(DOCUMENTS));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
            return new H2Collection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_"
                    + indexName, new MVMap.Builder<KeyValue, Object>().keyType(new CachedKeyType()));
            return new H2UniqueIndex(map, indexName, keys, sparse);
        }
    }

    /** {@link ObjectDataType} with the serialized form of index keys remembered for comparisons. */
    static final class CachedKeyType extends ObjectDataType {

        /** Serialized form of one key object; equal keys may serialize differently (field order), so it is per object. */
        private record Serialized(WeakReference<Object> key, byte[] bytes) {
        }

        private final Map<Object, Serialized> serialized = Collections.synchronizedMap(new WeakHashMap<>());

        @Override
        public int compare(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            if (a instanceof KeyValue && b instanceof KeyValue) {
                // What ObjectDataType does for two non-Comparable objects of one class, minus the repetition.
                return compareNotNull(bytes(a), bytes(b));
            }
            return super.compare(a, b);
        }

        private byte[] bytes(Object key) {
            Serialized known = serialized.get(key);
            if (known != null && known.key().get() == key) {
                return known.bytes();
            }
            byte[] bytes = serialize(key);
            serialized.put(key, new Serialized(new WeakReference<>(key), bytes));
            return bytes;
        }
    }
}
