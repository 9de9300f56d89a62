package io.churnwatch.producers.csv;

import io.churnwatch.schemas.OrderKind;

/** One parsed row of the generic layout: one line of an order. Quantity and unit price are positive. */
record GenericCsvRow(long lineNumber, String customerId, String orderId, long eventTime, OrderKind kind,
                     String sku, int quantity, long unitPriceMinor, String country, String currency) {
}
