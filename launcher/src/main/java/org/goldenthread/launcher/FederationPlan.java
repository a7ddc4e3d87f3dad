package org.goldenthread.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * What a local federation consists of.
 *
 * @param dataDir where every service's embedded store and the linkage key live
 * @param gatewayPort the gateway's port (0 = any free port); every other port is chosen at run time
 * @param agencies the agencies whose nodes to start
 * @param withOutcomes whether to start outcomes-service too
 * @param extraArguments further {@code --key=value} arguments given to every service
 */
public record FederationPlan(Path dataDir, int gatewayPort, List<AgencySpec> agencies, boolean withOutcomes,
        List<String> extraArguments) {

    public FederationPlan {
        agencies = List.copyOf(agencies);
        extraArguments = List.copyOf(extraArguments);
    }
}
