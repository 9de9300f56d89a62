package io.churnwatch.streams.partitioning;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * Tells whether an order already sits where the repartition by customer id would put it, so that it can skip
 * the hop through the repartition topic (one write, one read and one transaction of latency per order).
 *
 * <p>That is the case when the record's key is its customer id and its partition is the one Kafka's default
 * partitioner picks for that key: murmur2 of the key's UTF-8 bytes modulo the partition count, which is what
 * a Java producer and Kafka Streams itself do. Producers that key by customer but partition otherwise (librdkafka
 * defaults to CRC32, for instance) are still correct; their orders just take the hop. The repartition topic
 * has as many partitions as {@code orders}, so both paths lead one customer's orders to the same task, which is
 * why this needs the true partition count of {@code orders}: {@code 0} means unknown, and every order takes the hop.
 */
public record CustomerPartitioning(int ordersPartitions) {

    public CustomerPartitioning {
        if (ordersPartitions < 0) {
            throw new IllegalArgumentException("a partition count cannot be negative, got " + ordersPartitions);
        }
    }

    /** Every order takes the repartition hop. */
    public static CustomerPartitioning unknown() {
        return new CustomerPartitioning(0);
    }

    /** The partition Kafka's default partitioner gives a record keyed by this customer id. */
    public static int partitionOf(String customerId, int partitions) {
        return Utils.toPositive(Utils.murmur2(customerId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Whether a record with this key, read from this partition of {@code orders}, is already placed by customer. */
    public boolean alreadyPlaced(String recordKey, String customerId, int partition) {
        return ordersPartitions > 0 && partition >= 0 && customerId.equals(recordKey)
                && partition == partitionOf(customerId, ordersPartitions);
    }
}
