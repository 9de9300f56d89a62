package io.churnwatch.benchmarks.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the whole machine was during a run, from {@code /proc/stat} (all processes, ours and everyone else's)
 * and {@code /proc/loadavg}: on a shared machine a figure means little without it. Zeros where /proc is absent.
 */
final class MachineLoad {

    private MachineLoad() {
    }

    /** CPU jiffies at one moment. */
    record Snapshot(long busy, long total, String loadAverage) {
    }

    /**
     * @param busyShare   share of all cores' time that was busy (0..1)
     * @param cores       cores the machine has
     * @param loadBefore  /proc/loadavg's first three numbers before the run
     * @param loadAfter   and after it
     */
    record Sample(double busyShare, int cores, String loadBefore, String loadAfter) {
    }

    static Snapshot now() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = cpu.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            // user nice system idle iowait irq softirq steal ...: idle and iowait are not busy.
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new Snapshot(total - idle, total, loadAverage());
        } catch (IOException | RuntimeException e) {
            return new Snapshot(0, 0, "?");
        }
    }

    static Sample since(Snapshot before) {
        Snapshot after = now();
        long total = after.total() - before.total();
        double busy = total <= 0 ? 0 : (after.busy() - before.busy()) / (double) total;
        return new Sample(busy, Runtime.getRuntime().availableProcessors(), before.loadAverage(), after.loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
