package org.goldenthread.gateway.registry;

import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;

/** identity-service's agency registry. Blocking (Feign): only ever called off the event loop. */
@FeignClient(name = "identity-registry", url = "${goldenthread.identity.url}")
public interface AgencyRegistryClient {

    @GetMapping("/api/identity/agencies")
    List<Agency> agencies();
}
