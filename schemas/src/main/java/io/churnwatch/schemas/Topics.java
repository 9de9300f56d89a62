package io.churnwatch.schemas;

/**
 * The topic names every module agrees on. Keys are UTF-8 strings; values are Avro records in the Confluent
 * wire format, registered under the subject {@code <topic>-value} (topic-name strategy).
 */
public final class Topics {
    /** Order events from producers (OrderEvent), keyed by customer id (or order id: the stream re-keys). */
    public static final String ORDERS = "orders";
    /** Events that could not be processed: the original bytes, the reason and the source in headers. */
    public static final String ORDERS_DLQ = "orders-dlq";
    /** Latest CustomerFeatures per customer (compacted), keyed by customer id. */
    public static final String CUSTOMER_FEATURES = "customer-features";
    /** FeatureSnapshot per customer and cutoff (compacted), keyed by {@code customerId|yyyy-MM-dd}. */
    public static final String FEATURE_SNAPSHOTS = "feature-snapshots";
    /** ModelRelease records (compacted). */
    public static final String MODELS = "models";
    /** Latest CustomerScore per customer (compacted). */
    public static final String CUSTOMER_SCORES = "customer-scores";
    /** ChurnAlert, keyed by customer id. */
    public static final String CHURN_ALERTS = "churn-alerts";
    /** SegmentChange, keyed by customer id. */
    public static final String SEGMENT_CHANGES = "segment-changes";
    /** Operator settings changed at runtime (compacted, one partition): setting name → UTF-8 text value. */
    public static final String SETTINGS = "churnwatch-settings";
    /** The embedded schema registry's own log (compacted). */
    public static final String SCHEMAS = "_schemas";

    private Topics() {
    }

    /** The topic-name strategy's subject for a topic's values. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }

    /** The topic-name strategy's subject for a topic's keys. */
    public static String keySubject(String topic) {
        return topic + "-key";
    }
}
