package org.goldenthread.outcomes.web;

import java.util.Arrays;
import java.util.List;
import org.goldenthread.outcomes.framework.HeadlineOutcome;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The outcome framework that needs, plans and claims are tagged against. */
@RestController
@RequestMapping("/api/outcomes/framework")
class FrameworkController {

    record Outcome(String code, String title) {
    }

    @GetMapping
    List<Outcome> headlineOutcomes() {
        return Arrays.stream(HeadlineOutcome.values()).map(o -> new Outcome(o.name(), o.title())).toList();
    }
}
