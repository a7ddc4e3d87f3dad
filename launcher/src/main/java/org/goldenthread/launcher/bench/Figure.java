package org.goldenthread.launcher.bench;

/**
 * One ratio of the run. {@code met} is null for figures that are reported without a goal.
 */
public record Figure(String figure, String definition, double value, String goal, Boolean met) {

    static Figure atMost(String figure, String definition, double numerator, double denominator, double goal) {
        double value = Measured.round(numerator / denominator);
        return new Figure(figure, definition, value, "<= " + goal, value <= goal);
    }

    static Figure atLeast(String figure, String definition, double numerator, double denominator, double goal) {
        double value = Measured.round(numerator / denominator);
        return new Figure(figure, definition, value, ">= " + goal, value >= goal);
    }

    static Figure reported(String figure, String definition, double numerator, double denominator) {
        return new Figure(figure, definition, Measured.round(numerator / denominator), "report", null);
    }
}
