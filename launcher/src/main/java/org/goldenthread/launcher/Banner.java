package org.goldenthread.launcher;

import java.time.Duration;

/** What a newcomer needs once the federation is up: where to go and how to log in. */
final class Banner {

    private Banner() {
    }

    static void print(LocalFederation federation, DemoScenario scenario, DemoScenario.SeedReport seeded, Duration took) {
        String gateway = federation.gatewayUrl();
        StringBuilder out = new StringBuilder();
        out.append("\nGolden Thread is up (").append(took.toSeconds()).append(" s). ")
                .append(seeded.users()).append(" demo users, ").append(seeded.records()).append(" records ensured, ")
                .append(seeded.newConsents()).append(" new consent(s), ")
                .append(seeded.newAgreements()).append(" new sharing agreement(s).\n\n");
        out.append("  API (gateway):    ").append(gateway).append('\n');
        out.append("  Log in:           POST ").append(gateway).append("/api/identity/login\n");
        out.append("  Federated view:   POST ").append(gateway).append("/api/federation/subjects/view\n");
        out.append("  Health:           ").append(gateway).append("/actuator/health\n\n");
        out.append("  Demo logins (password for all: ").append(scenario.users().get(0).password()).append("):\n");
        for (DemoScenario.DemoUser user : scenario.users()) {
            out.append(String.format("    %-22s %-14s %s%n", user.username(), user.agency(), user.role()));
        }
        out.append("\n  README.md has a curl walk-through. Ctrl-C stops everything; data stays in ./data.\n");
        System.out.println(out);
    }
}
