package io.churnwatch.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.producers.onlineretail.OnlineRetailReader;
import io.churnwatch.producers.onlineretail.ProjectSample;
import io.churnwatch.producers.publish.OrderPublisher;
import io.churnwatch.schemas.OrderEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** --from / --until: a replay can send history in two parts (e.g. train on the first, watch alerts on the second). */
class ReplayWindowTest {

    private static final Instant SPLIT = Instant.parse("2011-01-01T00:00:00Z");

    @Test
    void twoWindowsSendEveryOrderExactlyOnceAndOnlyInsideTheirWindow() {
        List<OrderEvent> before = replay("--until", "2011-01-01");
        List<OrderEvent> after = replay("--from", "2011-01-01T00:00:00Z");
        List<OrderEvent> all = OnlineRetailReader.read(ProjectSample.onlineRetailII()).toList();

        assertThat(before).isNotEmpty().allSatisfy(e -> assertThat(e.getEventTime()).isBefore(SPLIT));
        assertThat(after).isNotEmpty().allSatisfy(e -> assertThat(e.getEventTime()).isAfterOrEqualTo(SPLIT));
        assertThat(before.size() + after.size()).isEqualTo(all.size());
    }

    @Test
    void aMalformedWindowIsAUsageError() {
        assertThat(newCommand(new MockProducer<>()).run(new String[] {"online-retail",
                ProjectSample.onlineRetailII().toString(), "--from", "last tuesday"})).isEqualTo(2);
    }

    private static List<OrderEvent> replay(String... window) {
        MockProducer<String, OrderEvent> producer = new MockProducer<>(true, null, new StringSerializer(),
                (Serializer<OrderEvent>) (topic, data) -> new byte[0]);
        String[] args = new String[3 + window.length];
        args[0] = "online-retail";
        args[1] = ProjectSample.onlineRetailII().toString();
        args[2] = "--no-progress";
        System.arraycopy(window, 0, args, 3, window.length);
        assertThat(newCommand(producer).run(args)).isZero();
        return producer.history().stream().map(ProducerRecord::value).toList();
    }

    private static ReplayCommand newCommand(MockProducer<String, OrderEvent> producer) {
        return new ReplayCommand(Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
                options -> new OrderPublisher(producer, options.topic()));
    }
}
