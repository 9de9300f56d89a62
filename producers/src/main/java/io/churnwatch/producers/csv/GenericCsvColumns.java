package io.churnwatch.producers.csv;

import io.churnwatch.producers.source.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each column of the generic layout is, from the header. Names are matched case-insensitively; columns may
 * come in any order; unknown columns are ignored. Optional columns that are absent have position -1.
 */
record GenericCsvColumns(int customerId, int orderId, int timestamp, int amount, int sku, int quantity, int kind,
                         int country, int currency, int width) {

    static final List<String> REQUIRED = List.of("customer_id", "order_id", "timestamp", "amount");
    static final List<String> OPTIONAL = List.of("sku", "quantity", "kind", "country", "currency");

    static GenericCsvColumns detect(String[] header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].trim().toLowerCase(Locale.ROOT);
            if (positions.putIfAbsent(name, i) != null && (REQUIRED.contains(name) || OPTIONAL.contains(name))) {
                throw new InvalidInputException("the header names column '" + name + "' twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (!positions.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("the header " + String.join(",", header) + " lacks the required column(s) "
                    + String.join(", ", missing) + "; expected customer_id,order_id,timestamp,amount"
                    + " plus optionally sku,quantity,kind,country,currency");
        }
        return new GenericCsvColumns(positions.get("customer_id"), positions.get("order_id"),
                positions.get("timestamp"), positions.get("amount"), positions.getOrDefault("sku", -1),
                positions.getOrDefault("quantity", -1), positions.getOrDefault("kind", -1),
                positions.getOrDefault("country", -1), positions.getOrDefault("currency", -1), header.length);
    }
}
