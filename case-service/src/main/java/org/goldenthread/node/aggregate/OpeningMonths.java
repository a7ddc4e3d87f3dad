package org.goldenthread.node.aggregate;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Date filters of a count widened to whole calendar months (UTC). Fine dates let a run of queries
 * move a bound one day at a time and watch a group cross the threshold, which dates one person's
 * case; whole months leave only month-sized steps. The node widens whatever it is sent (it is the
 * trust boundary: a gateway could send fine dates), so widening here is the rule, and the gateway's
 * own widening only lets it tell the user the range that applied.
 */
public final class OpeningMonths {

    private OpeningMonths() {
    }

    /** The first instant of the month holding {@code from}. */
    public static Instant from(Instant from) {
        return monthOf(from).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** {@code to} itself when it starts a month, else the first instant of the next month. */
    public static Instant to(Instant to) {
        Instant start = from(to);
        return start.equals(to) ? to : monthOf(to).plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC));
    }
}
