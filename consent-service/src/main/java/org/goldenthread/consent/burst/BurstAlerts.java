package org.goldenthread.consent.burst;

import java.time.Instant;
import java.util.List;
import org.goldenthread.consent.breakglass.ReviewOutcome;
import org.goldenthread.consent.decision.Requester;
import org.goldenthread.platform.web.RequestRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The review queue of consents refused for coming too fast ({@link BurstProperties}): raised by the
 * recording, read and closed by the recording agency's DPO. Each refusal is also written to the audit
 * log at high severity, with ids, counts and the subject digest only.
 */
@Service
@EnableConfigurationProperties(BurstProperties.class)
public class BurstAlerts {

    private static final Logger AUDIT = LoggerFactory.getLogger("org.goldenthread.consent.audit");

    private final BurstAlertStore store;
    private final BurstProperties properties;

    BurstAlerts(BurstAlertStore store, BurstProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    public BurstProperties limits() {
        return properties;
    }

    /** Reports a refused recording to the recording agency's DPO. */
    public BurstAlert raise(String agency, String user, String subjectDigest, int recentRecords, Instant now) {
        BurstAlert alert = store.raise(agency, user, subjectDigest, recentRecords, properties.maxPerSubject(),
                properties.window(), now);
        AUDIT.atWarn()
                .addKeyValue("audit.severity", "HIGH")
                .addKeyValue("audit.event", "consent-burst")
                .addKeyValue("burst.alert", alert.id())
                .addKeyValue("burst.agency", agency)
                .addKeyValue("burst.user", user)
                .addKeyValue("burst.recent", recentRecords)
                .addKeyValue("burst.refusals", alert.refusals())
                .log("consent by {} of {} refused: {} records about subject {} within {} (alert {})", user, agency,
                        recentRecords, subjectDigest, properties.window(), alert.id());
        return alert;
    }

    /** The alerts of a DPO's own agency, most recent first. */
    public List<BurstAlert> alertsFor(Requester dpo, boolean pendingOnly, int limit) {
        return store.alerts(dpo.agency(), pendingOnly, limit);
    }

    public BurstAlert review(String id, Requester dpo, ReviewOutcome outcome, String note, Instant now) {
        BurstAlert alert = store.alert(id).filter(a -> a.agency().equals(dpo.agency()))
                .orElseThrow(() -> new RequestRejectedException(HttpStatus.NOT_FOUND, "alert-not-found",
                        "no such alert for your agency"));
        if (!alert.pending() || !store.close(id, outcome, note, dpo.user(), now)) {
            throw new RequestRejectedException(HttpStatus.CONFLICT, "alert-closed",
                    "an outcome was already recorded for this alert");
        }
        AUDIT.atInfo().addKeyValue("audit.event", "consent-burst-reviewed").addKeyValue("burst.alert", id)
                .addKeyValue("burst.outcome", outcome.name())
                .log("consent burst alert {} reviewed: {}", id, outcome);
        return store.alert(id).orElseThrow();
    }
}
