package org.goldenthread.node.casework;

import java.util.List;

/**
 * One page of events.
 *
 * @param next where the following page starts; null on the last page
 */
public record EventPage(List<CaseEvent> events, EventCursor next) {

    public EventPage {
        events = List.copyOf(events);
    }
}
