package io.churnwatch.benchmarks.latency;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time read at two instants: of the node's stream threads (the work the topology does for the load), of this
 * whole JVM (stream threads, their clients' I/O threads, the load generator and the output reader; the broker
 * runs in its own JVM), and, on Linux, how long the stream threads were runnable but waiting for a core, which on
 * a machine shared with other work says how much of the latency is the queue for a CPU rather than the topology.
 */
final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");

    /** Nanoseconds at one instant; {@code streamThreadWaitNanos} is -1 where the kernel does not tell. */
    record Reading(long wallNanos, long streamThreadNanos, long streamThreadWaitNanos, long processNanos) {

        /** Stream thread CPU since {@code earlier}, as a share of one core. */
        double streamThreadShare(Reading earlier) {
            return (streamThreadNanos - earlier.streamThreadNanos) / (double) (wallNanos - earlier.wallNanos);
        }

        /** Time the stream threads waited for a core since {@code earlier}, as a share of the wall time; NaN if
         *  unknown. */
        double streamThreadWaitShare(Reading earlier) {
            if (streamThreadWaitNanos < 0 || earlier.streamThreadWaitNanos < 0) {
                return Double.NaN;
            }
            return (streamThreadWaitNanos - earlier.streamThreadWaitNanos) / (double) (wallNanos - earlier.wallNanos);
        }

        /** This JVM's CPU since {@code earlier}, in cores. */
        double processCores(Reading earlier) {
            return (processNanos - earlier.processNanos) / (double) (wallNanos - earlier.wallNanos);
        }
    }

    private final String streamThreadPrefix;
    private final String kernelNamePrefix;

    /**
     * @param clientId the node's Kafka Streams client.id: its stream threads are named
     *                 {@code <clientId>-StreamThread-<n>}, and the kernel keeps the first 15 characters of that
     */
    CpuClock(String clientId) {
        this.streamThreadPrefix = clientId + "-StreamThread-";
        this.kernelNamePrefix = streamThreadPrefix.substring(0, Math.min(15, streamThreadPrefix.length()));
    }

    Reading read() {
        long stream = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(streamThreadPrefix)) {
                stream += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new Reading(System.nanoTime(), stream, runQueueWait(), process);
    }

    /** Sum of the run-queue waits (schedstat's second field) of the stream threads' kernel tasks, or -1. */
    private long runQueueWait() {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            long total = 0;
            boolean found = false;
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                String[] schedstat;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                    schedstat = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                if (name.startsWith(kernelNamePrefix) && schedstat.length >= 2) {
                    total += Long.parseLong(schedstat[1]);
                    found = true;
                }
            }
            return found ? total : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's one-minute load average (-1 where the platform has none). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
