package org.goldenthread.consent.web;

import org.goldenthread.platform.web.RequestRejectedException;

/** The {@code status} filter every DPO queue takes: PENDING (the default) or ALL; anything else is a 400. */
final class QueueStatus {

    private QueueStatus() {
    }

    static boolean pendingOnly(String status) {
        return switch (status.strip()) {
            case "PENDING" -> true;
            case "ALL" -> false;
            default -> throw RequestRejectedException.invalid("status", "must be PENDING or ALL");
        };
    }
}
