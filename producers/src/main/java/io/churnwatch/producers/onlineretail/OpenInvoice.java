package io.churnwatch.producers.onlineretail;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An invoice whose lines are still being collected by the {@link InvoiceAssembler}. */
final class OpenInvoice {

    static final String CURRENCY = "GBP";

    private final String number;
    /** Copies of lines from an earlier closing of this invoice, not yet matched by a repeat: fingerprint → count. */
    private final Map<Long, Integer> earlierCopies;
    private long[] fingerprints = new long[8];
    private int fingerprintCount;
    private long firstTime = Long.MAX_VALUE;
    private long lastTime = Long.MIN_VALUE;
    private final List<OnlineRetailLine> accepted = new ArrayList<>();

    OpenInvoice(String number, long[] earlierFingerprints) {
        this.number = number;
        this.earlierCopies = earlierFingerprints == null ? Map.of() : countCopies(earlierFingerprints);
    }

    String number() {
        return number;
    }

    long firstTime() {
        return firstTime;
    }

    long lastTime() {
        return lastTime;
    }

    /** True (and the copy used up) if the line repeats a line of the invoice's earlier closing. */
    boolean consumeRepeat(long fingerprint) {
        if (earlierCopies.isEmpty()) {
            return false;
        }
        Integer left = earlierCopies.get(fingerprint);
        if (left == null) {
            return false;
        }
        if (left == 1) {
            earlierCopies.remove(fingerprint);
        } else {
            earlierCopies.put(fingerprint, left - 1);
        }
        return true;
    }

    /** Every non-duplicate line, kept or skipped, counts for the invoice's time span and later de-duplication. */
    void remember(OnlineRetailLine line) {
        if (fingerprintCount == fingerprints.length) {
            fingerprints = Arrays.copyOf(fingerprints, fingerprintCount * 2);
        }
        fingerprints[fingerprintCount++] = line.fingerprint();
        firstTime = Math.min(firstTime, line.eventTime());
        lastTime = Math.max(lastTime, line.eventTime());
    }

    /** A line fits if the invoice has no kept line yet or it has the same customer. */
    boolean fits(OnlineRetailLine line) {
        return accepted.isEmpty() || Objects.equals(accepted.get(0).customerId(), line.customerId());
    }

    void accept(OnlineRetailLine line) {
        accepted.add(line);
    }

    boolean hasAcceptedLines() {
        return !accepted.isEmpty();
    }

    long[] fingerprints() {
        return Arrays.copyOf(fingerprints, fingerprintCount);
    }

    /** Cancellations become returns with positive quantities; the event time is the earliest kept line's. */
    OrderEvent toEvent(String orderId) {
        OnlineRetailLine first = accepted.get(0);
        long eventTime = Long.MAX_VALUE;
        List<OrderLine> lines = new ArrayList<>(accepted.size());
        for (OnlineRetailLine line : accepted) {
            eventTime = Math.min(eventTime, line.eventTime());
            lines.add(new OrderLine(line.stockCode(), line.description(), Math.abs(line.quantity()),
                    line.unitPriceMinor()));
        }
        OrderKind kind = first.isCancellation() ? OrderKind.RETURN : OrderKind.PURCHASE;
        return new OrderEvent(orderId, first.customerId(), Instant.ofEpochMilli(eventTime), kind, lines, CURRENCY,
                first.country());
    }

    private static Map<Long, Integer> countCopies(long[] fingerprints) {
        Map<Long, Integer> copies = new HashMap<>(fingerprints.length * 2);
        for (long fingerprint : fingerprints) {
            copies.merge(fingerprint, 1, Integer::sum);
        }
        return copies;
    }
}
