package org.goldenthread.node.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A worker's caseload: the open cases they lead, most urgent rating first, each with its overdue
 * plan actions (open, due before today in UTC). Read through the {@code worker_cases} and
 * {@code case_actions} reverse indexes, never a scan.
 */
@Component
public class Caseload {

    /** One open case and what is overdue on it. */
    public record Item(CaseFile caseFile, List<CaseAction> overdue) {

        public Item {
            overdue = List.copyOf(overdue);
        }
    }

    private final CaseStore cases;
    private final ActionStore actions;
    private final Clock clock = Clock.systemUTC();

    public Caseload(CaseStore cases, ActionStore actions) {
        this.cases = cases;
        this.actions = actions;
    }

    public List<Item> of(String leadWorker) {
        List<CaseFile> open = cases.openLedBy(leadWorker);
        LocalDate today = LocalDate.now(clock);
        Map<String, List<CaseAction>> overdue = actions.of(open.stream().map(CaseFile::id).toList()).stream()
                .filter(a -> a.status() == ActionStatus.OPEN && a.dueDate() != null && a.dueDate().isBefore(today))
                .collect(Collectors.groupingBy(CaseAction::caseId));
        return open.stream()
                .sorted(Comparator.comparingInt((CaseFile c) -> urgency(c.rag()))
                        .thenComparing(CaseFile::openedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CaseFile::id))
                .map(c -> new Item(c, overdue.getOrDefault(c.id(), List.of())))
                .toList();
    }

    private static int urgency(Rag rag) {
        return rag == null ? 3 : switch (rag) {
            case RED -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
        };
    }
}
