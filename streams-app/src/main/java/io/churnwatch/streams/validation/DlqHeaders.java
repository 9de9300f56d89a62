package io.churnwatch.streams.validation;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The headers a dead-lettered record carries, all UTF-8 strings. */
public final class DlqHeaders {

    /** The stable {@link RejectReason} code. */
    public static final String REASON = "dlq.reason";
    /** A human-readable explanation. */
    public static final String DETAIL = "dlq.detail";
    /** Where the original record was read from. */
    public static final String TOPIC = "dlq.topic";
    public static final String PARTITION = "dlq.partition";
    public static final String OFFSET = "dlq.offset";

    private DlqHeaders() {
    }

    /** The original headers plus the DLQ ones (replacing any DLQ headers from an earlier trip). */
    public static Headers forRejection(Headers original, Rejection rejection, String topic, int partition, long offset) {
        RecordHeaders headers = new RecordHeaders(original.toArray());
        put(headers, REASON, rejection.reason().name());
        put(headers, DETAIL, rejection.detail());
        put(headers, TOPIC, topic);
        put(headers, PARTITION, Integer.toString(partition));
        put(headers, OFFSET, Long.toString(offset));
        return headers;
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a header as a string, or null when absent. */
    public static String read(Headers headers, String key) {
        var header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
