package org.goldenthread.launcher.bench;

import org.HdrHistogram.Histogram;

/**
 * One scenario's figures: latency percentiles in milliseconds and completed requests per second
 * over the measured interval (warm-up excluded), and the process CPU time spent per request in it (all
 * services and the load generator share the process, so this is what one request costs the machine).
 */
public record Measured(String scenario, int nodes, int concurrency, long requests, long errors, double throughputPerSecond,
        double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs, double cpuMsPerRequest) {

    static Measured of(String scenario, int nodes, int concurrency, Histogram micros, long errors, long elapsedNanos,
            long cpuNanos) {
        long count = micros.getTotalCount();
        return new Measured(scenario, nodes, concurrency, count, errors, round(count / (elapsedNanos / 1e9)),
                ms(micros, 50), ms(micros, 90), ms(micros, 99), ms(micros, 99.9), round(micros.getMaxValue() / 1000.0),
                count == 0 || cpuNanos < 0 ? -1 : round(cpuNanos / 1e6 / count));
    }

    private static double ms(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? -1 : round(micros.getValueAtPercentile(percentile) / 1000.0);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
