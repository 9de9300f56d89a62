package io.churnwatch.serving;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.testing.KafkaTestCluster;

/** Orders as producers send them: Avro in the Confluent wire format, keyed by customer id. */
final class Orders {

    private Orders() {
    }

    static OrderEvent purchase(String orderId, String customerId, String instant, int quantity, long unitPriceMinor) {
        return OrderEvent.newBuilder()
                .setOrderId(orderId)
                .setCustomerId(customerId)
                .setEventTime(Instant.parse(instant))
                .setKind(OrderKind.PURCHASE)
                .setLines(List.of(OrderLine.newBuilder().setSku("SKU-" + orderId).setQuantity(quantity)
                        .setUnitPriceMinor(unitPriceMinor).build()))
                .setCurrency("GBP")
                .setCountry("United Kingdom")
                .build();
    }

    static void send(KafkaTestCluster kafka, String registryUrl, List<OrderEvent> orders) {
        ChurnwatchSerdes serdes = ChurnwatchSerdes.forRegistryUrl(registryUrl);
        Properties props = kafka.producerProps();
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (OrderEvent order : orders) {
                producer.send(new ProducerRecord<>(Topics.ORDERS, order.getCustomerId(),
                        serdes.orders().serializer().serialize(Topics.ORDERS, order)));
            }
            producer.flush();
        }
    }
}
