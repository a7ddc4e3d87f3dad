package org.goldenthread.consent.decision;

import java.util.List;

/** Who asks, as their verified access token says; never taken from a request body. */
public record Requester(String user, String agency, List<String> roles) {

    public Requester {
        roles = List.copyOf(roles);
    }
}
