package io.churnwatch.streams.validation;

import java.time.Instant;
import java.util.Optional;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderLine;

/**
 * The checks an order must pass before it may touch customer state. Pure: the caller supplies "now", so
 * tests and the stream's mocked clock decide what the future is. The first failed check wins.
 */
public final class OrderValidator {

    private final ValidationSettings settings;

    public OrderValidator(ValidationSettings settings) {
        this.settings = settings;
    }

    public Optional<Rejection> check(OrderEvent order, long nowMillis) {
        if (isBlank(order.getOrderId())) {
            return reject(RejectReason.MISSING_ORDER_ID, "orderId is empty: de-duplication needs it");
        }
        if (isBlank(order.getCustomerId())) {
            return reject(RejectReason.MISSING_CUSTOMER_ID, "order " + order.getOrderId() + " has no customerId");
        }
        if (order.getLines().isEmpty()) {
            return reject(RejectReason.NO_LINES, "order " + order.getOrderId() + " has no lines");
        }
        for (int i = 0; i < order.getLines().size(); i++) {
            Optional<Rejection> line = checkLine(order.getOrderId(), i, order.getLines().get(i));
            if (line.isPresent()) {
                return line;
            }
        }
        if (isBlank(order.getCurrency())) {
            return reject(RejectReason.MISSING_CURRENCY, "order " + order.getOrderId() + " has an empty currency");
        }
        Instant eventTime = order.getEventTime();
        if (eventTime.isBefore(settings.minEventTime())) {
            return reject(RejectReason.EVENT_TIME_TOO_OLD, "order " + order.getOrderId() + " has event time "
                    + eventTime + ", before the earliest accepted " + settings.minEventTime());
        }
        Instant latest = Instant.ofEpochMilli(nowMillis).plus(settings.maxFutureSkew());
        if (eventTime.isAfter(latest)) {
            return reject(RejectReason.FUTURE_EVENT_TIME, "order " + order.getOrderId() + " has event time "
                    + eventTime + ", more than " + settings.maxFutureSkew() + " after the clock ("
                    + Instant.ofEpochMilli(nowMillis) + ")");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> checkLine(String orderId, int index, OrderLine line) {
        String where = "order " + orderId + " line " + index;
        if (isBlank(line.getSku())) {
            return reject(RejectReason.MISSING_SKU, where + " has no sku");
        }
        if (line.getQuantity() == 0) {
            return reject(RejectReason.ZERO_QUANTITY, where + " (" + line.getSku() + ") has quantity 0");
        }
        if (line.getQuantity() < 0) {
            return reject(RejectReason.NEGATIVE_QUANTITY, where + " (" + line.getSku() + ") has quantity "
                    + line.getQuantity() + ": returns carry positive quantities with kind RETURN");
        }
        if (line.getUnitPriceMinor() <= 0) {
            return reject(RejectReason.NON_POSITIVE_PRICE, where + " (" + line.getSku() + ") has unit price "
                    + line.getUnitPriceMinor());
        }
        return Optional.empty();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Optional<Rejection> reject(RejectReason reason, String detail) {
        return Optional.of(new Rejection(reason, detail));
    }
}
