package org.goldenthread.consent.breakglass;

/**
 * Why a break-glass justification was refused: each has its own stable problem code and a sentence
 * the key-worker reads. The sentences never quote the text back (it may name the family).
 */
public enum JustificationProblem {

    TOO_SHORT("justification-too-short", "too-short",
            "say what the emergency is in at least 20 characters"),
    REPEATED("justification-filler", "repeated-text",
            "the reason repeats the same characters or words; say in your own words what the emergency is"),
    FEW_LETTERS("justification-filler", "too-few-letters",
            "the reason uses too few different letters to say anything; write what the emergency is"),
    FEW_WORDS("justification-filler", "too-few-words",
            "the reason needs at least four different real words saying what the emergency is"),
    KEYBOARD_RUN("justification-filler", "keyboard-run",
            "the reason contains a run of keyboard keys (like \"qwerty\"); write what the emergency is"),
    PLACEHOLDER("justification-filler", "placeholder-text",
            "the reason is placeholder text (like \"lorem ipsum\"); write what the emergency is"),
    COPIED("justification-repeated", "copy-of-recent",
            "this is the same reason you gave for an earlier break-glass session; say why access is needed now");

    private final String code;
    private final String rule;
    private final String sentence;

    JustificationProblem(String code, String rule, String sentence) {
        this.code = code;
        this.rule = rule;
        this.sentence = sentence;
    }

    /** The problem code answered (422). */
    public String code() {
        return code;
    }

    /** Which filler rule it was, for the problem's {@code rule} member and the README. */
    public String rule() {
        return rule;
    }

    public String sentence() {
        return sentence;
    }
}
