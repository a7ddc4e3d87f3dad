package org.goldenthread.launcher.bench;

import java.util.List;

/** View requests as the load sends them, and what it checks in the answers. */
final class Views {

    private Views() {
    }

    static String body(Person p, List<String> asked) {
        return "{\"purpose\":\"CASE_MANAGEMENT\",\"subject\":" + p.json() + ",\"agencies\":"
                + BenchHttp.JSON.writeValueAsString(asked) + "}";
    }

    static int okCount(String body) {
        int count = 0;
        for (int i = body.indexOf("\"status\":\"OK\""); i >= 0; i = body.indexOf("\"status\":\"OK\"", i + 1)) {
            count++;
        }
        return count;
    }

    /** The agency statuses of a view answer (no personal data). */
    static String statuses(String body) {
        try {
            return BenchHttp.JSON.readTree(body).path("agencies").valueStream()
                    .map(a -> a.path("agency").asString() + "=" + a.path("status").asString()).toList().toString();
        } catch (RuntimeException e) {
            return "(not a view)";
        }
    }
}
