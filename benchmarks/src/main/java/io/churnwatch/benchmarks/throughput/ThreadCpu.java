package io.churnwatch.benchmarks.throughput;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time of one Kafka Streams application's stream threads in this JVM. On a
 * machine shared with other work, wall time says how long a run took; CPU time per order says what the
 * topology costs, whatever else the machine did meanwhile.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** Total CPU time so far of the live stream threads of one application (not its producers' I/O threads). */
    static Duration streamThreads(String applicationId) {
        long nanos = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String name = thread.getName();
            if (name.startsWith(applicationId) && name.contains("-StreamThread-")) {
                long cpu = THREADS.getThreadCpuTime(thread.getId());
                nanos += Math.max(0, cpu);
            }
        }
        return Duration.ofNanos(nanos);
    }
}
