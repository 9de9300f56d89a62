package io.churnwatch.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Broker settings for test clusters: internal topics that fit the cluster size (so transactions work on a
 * single broker), no rebalance delay, and small thread pools and buffers so several clusters fit on a
 * 2-core machine.
 */
final class TestBrokerDefaults {

    private TestBrokerDefaults() {
    }

    static Map<String, Object> forBrokers(int brokers) {
        String replication = String.valueOf(Math.min(brokers, 3));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("offsets.topic.replication.factor", replication);
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", replication);
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("share.coordinator.state.topic.replication.factor", replication);
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", replication);
        config.put("min.insync.replicas", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        // Tests replay history with old event timestamps; time-based retention would delete those segments.
        config.put("log.retention.ms", "-1");
        // Tests create their topics explicitly, as the application does.
        config.put("auto.create.topics.enable", "false");
        // The log cleaner reserves its de-duplication buffer up front (128 MiB by default).
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        config.put("log.cleaner.threads", "1");
        config.put("num.io.threads", "2");
        config.put("num.network.threads", "2");
        config.put("num.recovery.threads.per.data.dir", "1");
        config.put("background.threads", "2");
        config.put("num.replica.fetchers", "1");
        return config;
    }
}
