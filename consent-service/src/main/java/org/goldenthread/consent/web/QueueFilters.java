package org.goldenthread.consent.web;

import org.goldenthread.platform.web.RequestRejectedException;

/** What the review queues' endpoints (break-glass reviews and renewals, consent bursts) read alike. */
final class QueueFilters {

    private QueueFilters() {
    }

    /** {@code status=PENDING} (the default) or {@code ALL}; anything else is a 400 naming the parameter. */
    static boolean pendingOnly(String status) {
        return switch (status.strip()) {
            case "PENDING" -> true;
            case "ALL" -> false;
            default -> throw RequestRejectedException.invalid("status", "must be PENDING or ALL");
        };
    }

    /** A reviewer's note, trimmed; null when none was written. */
    static String note(String sent) {
        return sent == null || sent.isBlank() ? null : sent.strip();
    }
}
