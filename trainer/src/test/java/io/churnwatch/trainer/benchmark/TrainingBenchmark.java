package io.churnwatch.trainer.benchmark;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.trainer.ProgressListener;
import io.churnwatch.trainer.Trainer;
import io.churnwatch.trainer.TrainingOutcome;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.report.TrainingReport;
import io.churnwatch.trainer.synthetic.SyntheticRetail;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Training time and memory on about a million synthetic snapshot rows (monthly cutoffs and their label-horizon
 * partners together). Not a test: run it by hand, e.g.
 *
 * <pre>
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     io.churnwatch.trainer.benchmark.TrainingBenchmark [rows] [monthlyCutoffs]
 * </pre>
 *
 * Heap peaks come from the memory pools (reset after the input is generated, so they cover training alone);
 * XGBoost's native memory shows only in the process's resident-set high-water mark (VmHWM), which covers the
 * whole process including input generation.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int targetRows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int months = args.length > 1 ? Integer.parseInt(args[1]) : 30;

        int pilotCustomers = 1000;
        int pilotRows = SyntheticRetail.snapshots(SyntheticRetail.Settings.of(pilotCustomers, months, 1L)).size();
        int customers = (int) ((long) targetRows * pilotCustomers / pilotRows);
        long generationStart = System.nanoTime();
        List<FeatureSnapshot> snapshots = SyntheticRetail.snapshots(SyntheticRetail.Settings.of(customers, months, 7L));
        double generationSeconds = (System.nanoTime() - generationStart) / 1e9;
        System.gc();
        long inputHeap = usedHeap();
        System.out.printf(Locale.ROOT, "input: %d snapshot rows of %d customers over %d monthly cutoffs, generated in "
                        + "%.1f s; heap in use after GC %.0f MiB%n", snapshots.size(), customers, months,
                generationSeconds, inputHeap / 1048576.0);

        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        Timeline timeline = new Timeline();
        long start = System.nanoTime();
        TrainingOutcome outcome = new Trainer(TrainingSettings.defaults(), timeline, Clock.systemUTC())
                .train(snapshots, Optional.empty());
        double seconds = (System.nanoTime() - start) / 1e9;
        timeline.stage("done");

        TrainingReport report = outcome.report();
        System.out.printf(Locale.ROOT, "%ntraining: %.1f s wall, %d rows in the refit set, %d test rows, %d rounds "
                        + "(%d run with early stopping)%n", seconds, report.split().refitRows(),
                report.split().testRows(), report.earlyStopping().bestRounds(), report.earlyStopping().roundsRun());
        System.out.printf(Locale.ROOT, "heap: peak %.0f MiB during training (sum of heap pool peaks; input alone "
                        + "%.0f MiB); GC: %d collections, %.1f s%n", heapPeak() / 1048576.0, inputHeap / 1048576.0,
                gcCount() - gcCountBefore, (gcMillis() - gcMillisBefore) / 1000.0);
        System.out.printf(Locale.ROOT, "process: resident-set high-water mark %s (includes XGBoost's native "
                + "memory and input generation); max heap %.0f MiB%n", vmHwm(),
                Runtime.getRuntime().maxMemory() / 1048576.0);
        System.out.printf(Locale.ROOT, "release: %d bytes of booster; xgboost test ROC-AUC %.4f%n",
                outcome.release().getChurnModel().remaining(),
                report.contender(TrainingReport.XGBOOST).orElseThrow().rocAuc());
        System.out.println("\nstage timings:");
        timeline.print();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String vmHwm() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM")).map(l -> l.split(":")[1].trim())
                .findFirst().orElse("unknown");
    }

    /** Prints each stage as it starts and keeps its duration. */
    private static final class Timeline implements ProgressListener {
        private final StringBuilder summary = new StringBuilder();
        private String current;
        private long currentStart;
        private final long origin = System.nanoTime();

        @Override
        public void stage(String description) {
            long now = System.nanoTime();
            if (current != null) {
                summary.append(String.format(Locale.ROOT, "  %7.1f s  %s%n", (now - currentStart) / 1e9, current));
            }
            current = description.length() > 110 ? description.substring(0, 110) + "..." : description;
            currentStart = now;
            System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", (now - origin) / 1e9, current);
        }

        @Override
        public void step(String what, long done, long total) {
            if (done == total || done % 5 == 0) {
                System.out.printf(Locale.ROOT, "[%6.1f s]   %s %d/%d%n", (System.nanoTime() - origin) / 1e9, what, done,
                        total);
            }
        }

        @Override
        public void boostingRound(String phase, int round, int maxRounds, double validationAuc,
                                  double validationLogLoss) {
            if (round % 50 == 0) {
                System.out.printf(Locale.ROOT, "[%6.1f s]   %s round %d (validation AUC %.4f, log-loss %.4f)%n",
                        (System.nanoTime() - origin) / 1e9, phase, round, validationAuc, validationLogLoss);
            }
        }

        void print() {
            System.out.print(summary);
        }
    }
}
