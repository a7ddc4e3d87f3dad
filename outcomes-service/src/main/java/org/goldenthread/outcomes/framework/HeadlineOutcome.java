package org.goldenthread.outcomes.framework;

/**
 * The Supporting Families outcome framework's headline outcomes (DLUHC, "Supporting Families:
 * Guidance for 2022 to 2025", chapter 3). Needs on cases are tagged against these; outcome
 * claims later evidence progress against them.
 */
public enum HeadlineOutcome {
    GOOD_EDUCATION("Getting a good education"),
    GOOD_EARLY_YEARS("Good early years development"),
    HEALTH("Improved mental and physical health"),
    SUBSTANCE_USE("Promoting recovery and reducing harm from substance use"),
    FAMILY_RELATIONSHIPS("Improved family relationships"),
    SAFE_FROM_ABUSE("Children safe from abuse and exploitation"),
    DIVERTED_FROM_CRIME("Crime prevention and tackling crime"),
    SAFE_FROM_DOMESTIC_ABUSE("Safe from domestic abuse"),
    SECURE_HOUSING("Secure housing"),
    FINANCIAL_STABILITY("Financial stability");

    private final String title;

    HeadlineOutcome(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
