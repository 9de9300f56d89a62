package io.churnwatch.benchmarks.latency;

import java.time.Duration;
import java.util.Map;

/**
 * The figures of one run.
 *
 * @param settings         the node's settings that shape latency (guarantee, commit interval, grace, ...)
 * @param releaseVersion   the release the scores came from
 * @param threshold        its alert threshold
 * @param warmup           how long the warm-up lasted
 * @param warmupCaughtUp   whether it ended because the node had caught up with the load (else: out of time)
 * @param load             what the load sent in the measured part
 * @param customers        customers the load had created by its end (warm-up included)
 * @param toScore          order sent → its score readable (every measured order)
 * @param toAlert          order sent → its alert readable (measured orders that raised one)
 * @param alertsByRole     measured alerts by the role of the order that raised them
 * @param holdoutAlerts    measured alerts for customers in the control group
 * @param scoresUnmatched  scores no pending order accounts for (0 unless inactivity timers fire)
 * @param alertsUnmatched  alerts no order accounts for
 * @param backlogAtEnd     measured orders not yet scored when the load stopped
 * @param drainTime        from the end of the load until every measured order was scored (or the timeout)
 * @param neverScored      measured orders still without a score after the drain
 * @param lateOrders       orders the topology applied after its watermark had passed them (features stamped with
 *                         the watermark, not the order's event time), and how many of them changed results
 * @param streamThreadCpu  stream thread CPU over the measured part, as a share of one core
 * @param streamThreadWait time the stream thread was runnable but waiting for a core, as a share of the measured
 *                         part (NaN off Linux)
 * @param cpuPerOrderMicros stream thread CPU per score read, from the start of the measured part to the end of
 *                         the drain: what an order costs the topology, whatever else the machine did
 * @param scoredRate       scores read per second over the same span: what the node got through
 * @param processCpu       this JVM's CPU over the measured part, in cores
 * @param loadBefore       the machine's one-minute load average when the measured part began
 * @param loadAfter        and when it ended
 */
record LatencyResult(Map<String, String> settings, long releaseVersion, double threshold, Duration warmup,
                     boolean warmupCaughtUp, SteadyLoad.Summary load, int customers, LatencySamples.Summary toScore,
                     LatencySamples.Summary toAlert, Map<LiveOrderMix.Role, Long> alertsByRole, long holdoutAlerts,
                     long scoresUnmatched, long alertsUnmatched, long backlogAtEnd, Duration drainTime,
                     long neverScored, LateOrders lateOrders, double streamThreadCpu, double streamThreadWait,
                     double cpuPerOrderMicros, double scoredRate, double processCpu, double loadBefore,
                     double loadAfter) {

    /** Measured alerts per second of measured load. */
    double alertsPerSecond() {
        return toAlert.count() / (load.measuredTime().toNanos() / 1e9);
    }

    /** True when every measured order was scored, i.e. the topology kept up or caught up within the drain. */
    boolean complete() {
        return neverScored == 0;
    }
}
