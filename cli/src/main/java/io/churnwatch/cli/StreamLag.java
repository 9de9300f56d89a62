package io.churnwatch.cli;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a Kafka Streams application is behind: committed offsets of its group against the end offsets. */
public final class StreamLag {

    private StreamLag() {
    }

    /** Records not yet committed by the group, over every partition it has committed to (-1: nothing yet). */
    public static long of(Admin admin, String applicationId) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return -1;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                .stream().collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            // Transaction markers take offsets too, so a caught-up group may sit one or two below the end.
            lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset() - 1);
        }
        return lag;
    }
}
