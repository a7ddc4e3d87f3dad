package org.goldenthread.node.casework;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;
import org.springframework.stereotype.Component;

/**
 * Counts over the node's open cases, for outcomes and dashboards. An aggregate is a pass over every
 * case by nature (no index makes "all cases" cheaper); it reads one case at a time.
 */
@Component
public class CaseTally {

    /** What groups the count. */
    public enum Grouping {
        /** Open cases by case type. */
        CASE_TYPE,
        /** Open cases by current RAG rating; unrated cases under "UNRATED". */
        RAG,
        /** Distinct persons with an open case, by need. */
        NEED
    }

    /**
     * Which cases count.
     *
     * @param openedFrom only cases opened at or after, when not null
     * @param openedTo only cases opened before, when not null
     * @param caseTypes only these case types, when not empty
     * @param categories only cases of these categories (the grant's scope)
     */
    public record Filter(Instant openedFrom, Instant openedTo, Set<String> caseTypes, Set<DataCategory> categories) {

        public Filter {
            caseTypes = Set.copyOf(caseTypes);
            categories = Set.copyOf(categories);
        }

        boolean admits(CaseFile c) {
            return c.open() && categories.contains(c.category())
                    && (caseTypes.isEmpty() || caseTypes.contains(c.caseType()))
                    && (openedFrom == null || c.openedAt() != null && !c.openedAt().isBefore(openedFrom))
                    && (openedTo == null || c.openedAt() != null && c.openedAt().isBefore(openedTo));
        }
    }

    private final CaseStore cases;

    public CaseTally(CaseStore cases) {
        this.cases = cases;
    }

    /** The true counts per group over the node's cases; groups with no case are absent. */
    public Map<String, Long> count(Grouping grouping, Filter filter) {
        Counter counter = new Counter(grouping, filter);
        cases.forEach(counter::add);
        return counter.counts();
    }

    /** The same count over the cases given: the one rule, for tests that model many populations. */
    public static Map<String, Long> count(Grouping grouping, Filter filter, Iterable<CaseFile> cases) {
        Counter counter = new Counter(grouping, filter);
        cases.forEach(counter::add);
        return counter.counts();
    }

    /** Counting as the node does it, whichever cases it is given (a grouping and a filter applied to them). */
    @FunctionalInterface
    public interface Counting {
        Map<String, Long> count(Grouping grouping, Filter filter);
    }

    /** One pass: cases are added one at a time, never all held at once. */
    private static final class Counter {

        private final Grouping grouping;
        private final Filter filter;
        private final Map<String, Long> counts = new HashMap<>();
        private final Map<String, Set<String>> subjectsByNeed = new HashMap<>();

        Counter(Grouping grouping, Filter filter) {
            this.grouping = grouping;
            this.filter = filter;
        }

        void add(CaseFile c) {
            if (!filter.admits(c)) {
                return;
            }
            switch (grouping) {
                case CASE_TYPE -> counts.merge(c.caseType() == null ? "" : c.caseType(), 1L, Long::sum);
                case RAG -> counts.merge(c.rag() == null ? "UNRATED" : c.rag().name(), 1L, Long::sum);
                case NEED -> c.needs().forEach(n -> subjectsByNeed.computeIfAbsent(n, k -> new HashSet<>()).add(c.subjectId()));
            }
        }

        Map<String, Long> counts() {
            Map<String, Long> all = new HashMap<>(counts);
            subjectsByNeed.forEach((need, subjects) -> all.put(need, (long) subjects.size()));
            return all;
        }
    }
}
