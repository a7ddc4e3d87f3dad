package org.goldenthread.gateway.consent;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * consent-service's decision endpoint. The user's own token is forwarded: consent-service takes
 * the requester from it, never from the body. Blocking (Feign): called off the event loop only.
 */
@FeignClient(name = "consent", url = "${goldenthread.consent.url}")
public interface ConsentClient {

    @PostMapping("/decisions")
    Decision decide(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody DecisionRequest request);

    /** A decision about nobody in particular (purpose OUTCOME_EVIDENCE): its grant names no subject. */
    @PostMapping("/decisions/aggregate")
    Decision decideAggregate(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody AggregateDecisionRequest request);
}
