package io.churnwatch.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;

/** Short ways to write orders in tests. */
public final class TestOrders {

    private TestOrders() {
    }

    public static OrderLine line(String sku, int quantity, long unitPriceMinor) {
        return OrderLine.newBuilder().setSku(sku).setQuantity(quantity).setUnitPriceMinor(unitPriceMinor).build();
    }

    public static OrderEvent purchase(String orderId, String customerId, String instant, OrderLine... lines) {
        return order(orderId, customerId, Instant.parse(instant), OrderKind.PURCHASE, lines);
    }

    public static OrderEvent purchase(String orderId, String customerId, Instant at, OrderLine... lines) {
        return order(orderId, customerId, at, OrderKind.PURCHASE, lines);
    }

    public static OrderEvent returned(String orderId, String customerId, String instant, OrderLine... lines) {
        return order(orderId, customerId, Instant.parse(instant), OrderKind.RETURN, lines);
    }

    public static OrderEvent order(String orderId, String customerId, Instant at, OrderKind kind, OrderLine... lines) {
        return OrderEvent.newBuilder()
                .setOrderId(orderId)
                .setCustomerId(customerId)
                .setEventTime(at)
                .setKind(kind)
                .setLines(new ArrayList<>(List.of(lines)))
                .setCurrency("GBP")
                .setCountry("United Kingdom")
                .build();
    }
}
