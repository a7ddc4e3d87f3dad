package org.goldenthread.node.subject;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Projections.include;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.goldenthread.federation.linkage.LinkageTokens;
import org.goldenthread.federation.linkage.NameNormaliser;
import org.goldenthread.node.store.Bulk;
import org.goldenthread.node.store.RecordIds;
import org.goldenthread.node.store.ReferenceUpsert;
import org.goldenthread.node.store.ReverseIndex;
import org.goldenthread.node.store.Saved;
import org.goldenthread.proto.common.v1.LinkageToken;
import org.springframework.stereotype.Component;

/**
 * The agency's persons, collection {@code subjects} (unique {@code ref}), with two reverse indexes
 * ({@link ReverseIndex}): {@code subject_tokens} (linkage token to persons, for MatchSubject) and
 * {@code subject_search} (search keys to persons, for the staff's search). Each person records the
 * name normalisation version of its tokens, so a newer one can re-tokenise older persons
 * ({@link SubjectRetokenisation}).
 */
@Component
public class SubjectStore {

    private final MongoCollection<Document> subjects;
    private final ReverseIndex byToken;
    private final ReverseIndex bySearchKey;
    private final LinkageTokens linkage;
    private final Clock clock;

    public SubjectStore(MongoDatabase database, LinkageTokens linkage) {
        this.subjects = database.getCollection("subjects");
        this.byToken = new ReverseIndex(database, "subject_tokens");
        this.bySearchKey = new ReverseIndex(database, "subject_search");
        this.linkage = linkage;
        this.clock = Clock.systemUTC();
        subjects.createIndex(Indexes.ascending("ref"), new IndexOptions().unique(true));
    }

    /**
     * Creates or replaces the person with this reference; tokens and search keys are recomputed
     * from the details and re-filed in their reverse indexes after the person is stored.
     */
    public Saved save(String ref, SubjectDetails details, String recordedBy) {
        List<LinkageToken> tokens = tokensOf(details);
        Subject[] before = new Subject[1];
        Saved saved = ReferenceUpsert.save(subjects, eq("ref", ref), (id, stored) -> {
            before[0] = stored == null ? null : SubjectDocuments.fromDocument(stored);
            return SubjectDocuments.toDocument(new Subject(id, ref, details, tokens, clock.instant(), recordedBy));
        });
        Subject old = before[0];
        byToken.move(saved.id(), old == null ? List.of() : keys(old.tokens()), keys(tokens));
        bySearchKey.move(saved.id(), old == null ? List.of() : SearchKeys.of(old.details()), SearchKeys.of(details));
        return saved;
    }

    /**
     * Stores persons whose references are all new (an agency's migration, the benchmark's
     * generator): the same documents, tokens and reverse-index postings as {@link #save}, written
     * with one insert for the persons and one write per index key. A reference already present
     * fails the import on the unique index (MongoBulkWriteException); the persons before it are stored.
     */
    public List<Saved> importNew(List<NewSubject> batch) {
        List<Document> documents = new ArrayList<>(batch.size());
        List<Saved> saved = new ArrayList<>(batch.size());
        Map<String, List<String>> tokenPostings = new HashMap<>();
        Map<String, List<String>> searchPostings = new HashMap<>();
        Instant now = clock.instant();
        for (NewSubject s : batch) {
            String id = RecordIds.next();
            List<LinkageToken> tokens = tokensOf(s.details());
            documents.add(SubjectDocuments.toDocument(new Subject(id, s.ref(), s.details(), tokens, now, s.recordedBy())));
            keys(tokens).forEach(k -> tokenPostings.computeIfAbsent(k, x -> new ArrayList<>()).add(id));
            SearchKeys.of(s.details()).forEach(k -> searchPostings.computeIfAbsent(k, x -> new ArrayList<>()).add(id));
            saved.add(new Saved(id, true));
        }
        if (!documents.isEmpty()) {
            Bulk.insert(subjects, documents);
        }
        byToken.addAll(tokenPostings);
        bySearchKey.addAll(searchPostings);
        return saved;
    }

    public Optional<Subject> byRef(String ref) {
        return Optional.ofNullable(subjects.find(eq("ref", ref)).first()).map(SubjectDocuments::fromDocument);
    }

    public Optional<Subject> byId(String id) {
        return Optional.ofNullable(subjects.find(eq("_id", id)).first()).map(SubjectDocuments::fromDocument);
    }

    /**
     * Persons filed under any of these tokens: candidates only, since the index may hold a stale
     * posting; callers compare the person's own tokens (as {@link SubjectMatcher} does).
     */
    public List<Subject> withAnyToken(Collection<LinkageToken> tokens) {
        return byIds(byToken.ids(keys(tokens)));
    }

    /** Persons filed under any of these search keys ({@link SearchKeys}); candidates only. */
    public List<Subject> withAnySearchKey(Collection<String> keys) {
        return byIds(bySearchKey.ids(keys));
    }

    public List<Subject> byIds(Collection<String> ids) {
        List<Subject> found = new ArrayList<>();
        if (!ids.isEmpty()) {
            subjects.find(in("_id", List.copyOf(ids))).forEach(d -> found.add(SubjectDocuments.fromDocument(d)));
        }
        return found;
    }

    /**
     * Ids of the persons whose stored tokens were computed with an older name normalisation (or a
     * version not recorded): one pass over the collection, ids only.
     */
    public List<String> withOlderTokens() {
        List<String> ids = new ArrayList<>();
        subjects.find(or(exists(SubjectDocuments.TOKENS_VERSION, false),
                        lt(SubjectDocuments.TOKENS_VERSION, NameNormaliser.VERSION)))
                .projection(include("_id"))
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /**
     * Recomputes the tokens of these persons from their stored details with today's normalisation,
     * as {@link #save} would (the reverse index moved to the new tokens), without touching what was
     * recorded or by whom. A person whose tokens come out the same only has its version raised.
     *
     * @return how many persons' tokens changed
     */
    public int retokenise(Collection<String> ids) {
        List<String> unchanged = new ArrayList<>();
        int changed = 0;
        for (Subject s : byIds(ids)) {
            List<LinkageToken> tokens = tokensOf(s.details());
            if (new LinkedHashSet<>(tokens).equals(new LinkedHashSet<>(s.tokens()))) {
                unchanged.add(s.id());
                continue;
            }
            subjects.updateOne(eq("_id", s.id()), Updates.combine(
                    Updates.set(SubjectDocuments.TOKENS, SubjectDocuments.tokens(tokens)),
                    Updates.set(SubjectDocuments.TOKENS_VERSION, NameNormaliser.VERSION)));
            byToken.move(s.id(), keys(s.tokens()), keys(tokens));
            changed++;
        }
        if (!unchanged.isEmpty()) {
            subjects.updateMany(in("_id", unchanged), Updates.set(SubjectDocuments.TOKENS_VERSION, NameNormaliser.VERSION));
        }
        return changed;
    }

    /** A token's reverse-index key: kind, key id and value, all three significant. */
    static String key(LinkageToken t) {
        return t.getKind().name() + "|" + t.getKeyId() + "|" + t.getValue();
    }

    private static List<String> keys(Collection<LinkageToken> tokens) {
        return tokens.stream().map(SubjectStore::key).distinct().toList();
    }

    private List<LinkageToken> tokensOf(SubjectDetails details) {
        LinkedHashSet<LinkageToken> tokens = new LinkedHashSet<>(linkage.tokensFor(details.identifiers()));
        for (String previous : details.previousNames()) {
            tokens.addAll(linkage.tokensFor(details.identifiersWithFamilyName(previous)));
        }
        return List.copyOf(tokens);
    }
}
