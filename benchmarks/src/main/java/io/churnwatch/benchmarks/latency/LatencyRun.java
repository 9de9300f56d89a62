package io.churnwatch.benchmarks.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.benchmarks.throughput.BenchmarkCluster;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.scoring.ScoringSerdes;
import io.churnwatch.scoring.ScoringTopics;

/**
 * One run of the benchmark: train and publish the release, start the node, wait until it scores with the
 * release, run the load while reading the outputs, drain, and collect the figures.
 */
final class LatencyRun {

    private static final Logger LOG = LoggerFactory.getLogger(LatencyRun.class);
    private static final Duration TO_RUNNING = Duration.ofMinutes(3);
    private static final Duration TO_FIRST_SCORE = Duration.ofMinutes(2);

    private LatencyRun() {
    }

    static LatencyResult run(LatencyOptions options, Map<String, String> callerEnvironment) throws Exception {
        Path workDir = Files.createTempDirectory(options.workDir(), "churnwatch-latency-");
        try {
            // Before the broker starts: training takes both cores for a while.
            ModelRelease release = SampleRelease.train(options.sample(), workDir);
            try (BenchmarkCluster cluster = BenchmarkCluster.start(workDir, options.embeddedRegistry(),
                    options.partitions(), options.brokerHeap())) {
                createScorerTopics(cluster.admin(), options.partitions());
                SampleRelease.publish(release, cluster.bootstrapServers(), cluster.registryUrl());
                return measure(options, callerEnvironment, cluster, release);
            }
        } finally {
            deleteRecursively(workDir);
        }
    }

    private static LatencyResult measure(LatencyOptions options, Map<String, String> callerEnvironment,
                                         BenchmarkCluster cluster, ModelRelease release) throws InterruptedException {
        SendLog sendLog = new SendLog();
        String runTag = "lat" + UUID.randomUUID().toString().substring(0, 6);
        try (ScoringNode node = ScoringNode.create(cluster.bootstrapServers(), cluster.registryUrl(),
                options.partitions(), cluster.workDir().resolve("streams-state"), callerEnvironment);
             OutputWatcher watcher = new OutputWatcher(cluster.bootstrapServers(), options.partitions(),
                     ScoringSerdes.forRegistryUrl(cluster.registryUrl()), sendLog);
             SteadyLoad load = new SteadyLoad(cluster.bootstrapServers(), cluster.registryUrl(), options.lingerMs(),
                     new LiveOrderMix(options.mix(), runTag), sendLog, options.rate(), options.tick())) {
            LOG.info("Node settings: {}", node.describe());
            node.startAndAwaitRunning(TO_RUNNING);
            watcher.start();
            awaitScoreWithRelease(node, watcher, load);

            CpuClock cpu = new CpuClock(node.clientId());
            Phase phase = new Phase(node, watcher, load, cpu, options.rate());
            SteadyLoad.Summary sent = load.run(options.warmup(), options.maxWarmup(), options.duration(), phase);
            CpuClock.Reading endReading = cpu.read();
            LateOrders lateAtEnd = LateOrders.read(node);
            double loadAfter = CpuClock.loadAverage();
            long backlog = sendLog.pendingMeasured();
            LOG.info("Load done: {} measured orders at {}/s; {} not yet scored", sent.measuredOrders(),
                    String.format(Locale.ROOT, "%.0f", sent.rate()), backlog);

            long drainStart = System.nanoTime();
            long deadline = drainStart + options.drainTimeout().toNanos();
            while (sendLog.pendingMeasured() > 0 && System.nanoTime() < deadline) {
                node.checkAlive();
                watcher.check();
                Thread.sleep(20);
            }
            Duration drain = Duration.ofNanos(System.nanoTime() - drainStart);
            CpuClock.Reading drainedReading = cpu.read();
            long scoresSinceMeasuring = watcher.scoresRead() - phase.scoresAtStart;
            double cpuPerOrderMicros = scoresSinceMeasuring == 0 ? Double.NaN
                    : (drainedReading.streamThreadNanos() - phase.startReading.streamThreadNanos()) / 1e3
                    / scoresSinceMeasuring;
            double scoredRate = scoresSinceMeasuring
                    / ((drainedReading.wallNanos() - phase.startReading.wallNanos()) / 1e9);
            // An alert is committed with its score but may be read a poll later, from its own topic.
            Thread.sleep(1_000);
            load.check();
            watcher.check();
            return new LatencyResult(node.describe(), release.getVersion(), release.getThreshold(),
                    phase.warmup, phase.warmupCaughtUp, sent,
                    load.customers(), watcher.toScore().summary(), watcher.toAlert().summary(),
                    watcher.alertsByRole(), watcher.holdoutAlerts(), watcher.scoresUnmatched(),
                    watcher.alertsUnmatched(), backlog, drain, sendLog.pendingMeasured(),
                    lateAtEnd.since(phase.lateAtStart), endReading.streamThreadShare(phase.startReading),
                    endReading.streamThreadWaitShare(phase.startReading), cpuPerOrderMicros, scoredRate,
                    endReading.processCores(phase.startReading), phase.loadBefore, loadAfter);
        }
    }

    /** Sends single orders until one comes back scored by the release: from then on, scoring is warm. */
    private static void awaitScoreWithRelease(ScoringNode node, OutputWatcher watcher, SteadyLoad load)
            throws InterruptedException {
        long deadline = System.nanoTime() + TO_FIRST_SCORE.toNanos();
        while (watcher.scoresWithModel() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no score with the release within " + TO_FIRST_SCORE.toSeconds()
                        + " s (" + watcher.scoresRead() + " scores without one)");
            }
            node.checkAlive();
            watcher.check();
            load.sendOne();
            Thread.sleep(200);
        }
        LOG.info("The node scores with the release ({} probe orders)", load.sent());
    }

    /** Takes the readings at the start of the measured part and prints progress. */
    private static final class Phase implements SteadyLoad.Listener {
        private final ScoringNode node;
        private final OutputWatcher watcher;
        private final SteadyLoad load;
        private final CpuClock cpu;
        private final long caughtUpBelow;
        private CpuClock.Reading startReading;
        private LateOrders lateAtStart;
        private double loadBefore;
        private long scoresAtStart;
        private Duration warmup = Duration.ZERO;
        private boolean warmupCaughtUp;
        private int scoresAtLastProgress;
        private long sentAtLastProgress;
        private CpuClock.Reading lastReading;

        /** Caught up: fewer orders waiting for their score than a quarter second of load (at least 50). */
        Phase(ScoringNode node, OutputWatcher watcher, SteadyLoad load, CpuClock cpu, int rate) {
            this.caughtUpBelow = Math.max(50, rate / 4);
            this.node = node;
            this.watcher = watcher;
            this.load = load;
            this.cpu = cpu;
            this.startReading = cpu.read();
            this.lateAtStart = LateOrders.read(node);
            this.loadBefore = CpuClock.loadAverage();
            this.lastReading = startReading;
        }

        @Override
        public boolean caughtUp() {
            return waiting() <= caughtUpBelow;
        }

        @Override
        public void measuring(boolean caughtUp, Duration warmedUp) {
            startReading = cpu.read();
            lateAtStart = LateOrders.read(node);
            loadBefore = CpuClock.loadAverage();
            scoresAtStart = watcher.scoresRead();
            warmup = warmedUp;
            warmupCaughtUp = caughtUp;
            LOG.info("Warm-up over after {} s ({}): measuring", warmedUp.toSeconds(), caughtUp
                    ? "caught up" : "NOT caught up, " + waiting() + " orders waiting for their score");
        }

        /** Orders sent whose score has not been read yet. */
        private long waiting() {
            return load.sent() - (watcher.scoresRead() - watcher.scoresUnmatched());
        }

        @Override
        public void progress(long seconds) {
            node.checkAlive();
            watcher.check();
            load.check();
            long sent = load.sent();
            LatencySamples.Summary recent = watcher.toScore().summarySince(scoresAtLastProgress);
            scoresAtLastProgress = watcher.toScore().size();
            CpuClock.Reading reading = cpu.read();
            LOG.info(String.format(Locale.ROOT, "%3d s: sent %,d (%,.0f/s), %,d customers | orders waiting for "
                            + "their score %,d | alerts %,d | last 5 s: order→score p50 %.1f ms, p99 %.1f ms (%,d), "
                            + "stream thread on a core %.0f%%, waiting for one %.0f%% | load average %.2f",
                    seconds, sent, (sent - sentAtLastProgress) / 5.0, load.customers(),
                    waiting(), watcher.alertsRead(), recent.p50(),
                    recent.p99(), recent.count(), 100 * reading.streamThreadShare(lastReading),
                    100 * reading.streamThreadWaitShare(lastReading), CpuClock.loadAverage()));
            lastReading = reading;
            sentAtLastProgress = sent;
        }
    }

    private static void createScorerTopics(Admin admin, int partitions) throws Exception {
        admin.createTopics(ScoringTopics.newTopics(partitions, (short) 1)).all().get();
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
