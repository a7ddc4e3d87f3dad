package org.goldenthread.launcher.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed loop at fixed concurrency: each worker sends its next request only when the previous
 * answered, so the offered load follows the system's speed and no queue builds up in the client.
 * A warm-up (not recorded) comes first; latencies then go into one HdrHistogram (microseconds,
 * 3 significant digits). A request counts as an error when it throws or its check fails; errors
 * are timed too, since a fast failure must not flatter the figures.
 */
final class ClosedLoop {

    /** One request; answers whether the answer was the expected one. */
    @FunctionalInterface
    interface Request {
        boolean send() throws Exception;
    }

    private ClosedLoop() {
    }

    static Measured run(String scenario, int nodes, int concurrency, Duration warmUp, Duration measure, Request request) {
        Recorder recorder = new Recorder(3);
        AtomicBoolean recording = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong errors = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread worker = new Thread(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    boolean ok;
                    try {
                        ok = request.send();
                    } catch (Exception e) {
                        ok = false;
                    }
                    long micros = (System.nanoTime() - started) / 1_000;
                    if (recording.get()) {
                        recorder.recordValue(Math.max(1, micros));
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "bench-" + scenario + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        sleep(warmUp);
        recorder.reset();
        errors.set(0);
        recording.set(true);
        long begun = System.nanoTime();
        long cpuBegun = processCpuNanos();
        sleep(measure);
        Histogram histogram = recorder.getIntervalHistogram();
        long elapsed = System.nanoTime() - begun;
        long cpu = processCpuNanos() - cpuBegun;
        recording.set(false);
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return Measured.of(scenario, nodes, concurrency, histogram, errors.get(), elapsed, cpu);
    }

    /** CPU time of the whole process (every service and the load generator): what one view costs the machine. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
