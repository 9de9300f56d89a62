package io.churnwatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Order events with the awkward values interop must survive (a null description, non-ASCII text, a price beyond
 * both int and double precision, a return, a missing customer id), and their JSON form as the Python scripts
 * print it, so both sides can be compared field for field.
 */
final class OrderFixtures {

    /** 2^53 + 1: a JSON reader that goes through double would round it. */
    static final long LARGE_PRICE_MINOR = 9_007_199_254_740_993L;

    private OrderFixtures() {
    }

    /** {@code n} events (n ≥ 4), the first four covering the edge cases. */
    static List<OrderEvent> orders(int n) {
        List<OrderEvent> orders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OrderLine line = OrderLine.newBuilder()
                    .setSku("SKU-J" + i)
                    .setDescription(switch (i % 4) {
                        case 0 -> null;
                        case 1 -> "Crème brûlée dish – 北京 ✓";
                        default -> "Plain mug " + i;
                    })
                    .setQuantity(i + 1)
                    .setUnitPriceMinor(i % 4 == 2 ? LARGE_PRICE_MINOR : 250L + i)
                    .build();
            orders.add(OrderEvent.newBuilder()
                    .setOrderId("J-" + i)
                    .setCustomerId(i % 4 == 3 ? null : "C" + (100 + i % 3))
                    .setEventTime(Instant.ofEpochMilli(1_700_000_000_123L + i * 86_400_000L))
                    .setKind(i % 4 == 3 ? OrderKind.RETURN : OrderKind.PURCHASE)
                    .setLines(i % 2 == 0 ? List.of(line) : List.of(line, secondLine(i)))
                    .setCurrency(i % 2 == 0 ? "GBP" : "EUR")
                    .setCountry(i % 3 == 0 ? null : "Österreich")
                    .build());
        }
        return orders;
    }

    private static OrderLine secondLine(int i) {
        return OrderLine.newBuilder().setSku("SKU-X" + i).setDescription("second line").setQuantity(1)
                .setUnitPriceMinor(0L).build();
    }

    /**
     * The JSON the Python scripts print for an order: Avro field names, eventTime as epoch milliseconds, the enum
     * as its symbol, nulls as JSON null.
     */
    static ObjectNode toJson(OrderEvent order) {
        ObjectNode json = RegistryHttp.JSON.createObjectNode()
                .put("orderId", order.getOrderId())
                .put("customerId", order.getCustomerId())
                .put("eventTime", order.getEventTime().toEpochMilli())
                .put("kind", order.getKind().name())
                .put("currency", order.getCurrency())
                .put("country", order.getCountry());
        ArrayNode lines = json.putArray("lines");
        for (OrderLine line : order.getLines()) {
            lines.addObject()
                    .put("sku", line.getSku())
                    .put("description", line.getDescription())
                    .put("quantity", line.getQuantity())
                    .put("unitPriceMinor", line.getUnitPriceMinor());
        }
        return json;
    }

    /** The order a Python script described in JSON, built as the Java class (the inverse of {@link #toJson}). */
    static OrderEvent fromJson(JsonNode json) {
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode line : json.get("lines")) {
            lines.add(OrderLine.newBuilder()
                    .setSku(line.get("sku").asText())
                    .setDescription(line.get("description").isNull() ? null : line.get("description").asText())
                    .setQuantity(line.get("quantity").intValue())
                    .setUnitPriceMinor(line.get("unitPriceMinor").longValue())
                    .build());
        }
        return OrderEvent.newBuilder()
                .setOrderId(json.get("orderId").asText())
                .setCustomerId(json.get("customerId").isNull() ? null : json.get("customerId").asText())
                .setEventTime(Instant.ofEpochMilli(json.get("eventTime").longValue()))
                .setKind(OrderKind.valueOf(json.get("kind").asText()))
                .setLines(lines)
                .setCurrency(json.get("currency").asText())
                .setCountry(json.get("country").isNull() ? null : json.get("country").asText())
                .build();
    }
}
