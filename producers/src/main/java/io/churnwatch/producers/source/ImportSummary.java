package io.churnwatch.producers.source;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a source read and emitted: orders, returns, lines, customers, money, and every skipped line by reason.
 * Mutable and single-threaded: the source that owns it updates it as it goes.
 */
public final class ImportSummary {

    /** Only the first few malformed-row messages are kept: enough to fix a file, bounded for huge ones. */
    public static final int MAX_PROBLEMS_KEPT = 20;

    private long inputLines;
    private long purchases;
    private long returns;
    private long emittedLines;
    private long purchaseValueMinor;
    private long returnValueMinor;
    private long outOfOrder;
    private long lastEventTime = Long.MIN_VALUE;
    private final Set<String> customers;
    private final Set<String> inputCustomers;
    private long customerCount;
    private final EnumMap<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    private final List<String> problems = new ArrayList<>();

    /** A summary that counts distinct customers by remembering their ids (fine for files). */
    public ImportSummary() {
        this(true);
    }

    /**
     * @param trackCustomerIds false for sources with millions of customers that report their own count through
     *                         {@link #setCustomerCount}
     */
    public ImportSummary(boolean trackCustomerIds) {
        this.customers = trackCustomerIds ? new HashSet<>() : null;
        this.inputCustomers = trackCustomerIds ? new HashSet<>() : null;
    }

    public void recordInputLine() {
        inputLines++;
    }

    /** Notes a customer id seen in the input, whether or not any of its lines is kept. */
    public void recordInputCustomer(String customerId) {
        if (inputCustomers != null && customerId != null) {
            inputCustomers.add(customerId);
        }
    }

    public void recordSkip(SkipReason reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Counts a skip and keeps its message (with the line number) if fewer than {@link #MAX_PROBLEMS_KEPT} are kept. */
    public void recordProblem(SkipReason reason, String message) {
        recordSkip(reason);
        if (problems.size() < MAX_PROBLEMS_KEPT) {
            problems.add(message);
        }
    }

    /** Counts an event on its way out; call in emission order so out-of-order events are noticed. */
    public void recordEmitted(OrderEvent event) {
        long time = event.getEventTime().toEpochMilli();
        if (time < lastEventTime) {
            outOfOrder++;
        }
        lastEventTime = Math.max(lastEventTime, time);
        long value = 0;
        for (OrderLine line : event.getLines()) {
            value += line.getQuantity() * line.getUnitPriceMinor();
        }
        if (event.getKind() == OrderKind.RETURN) {
            returns++;
            returnValueMinor += value;
        } else {
            purchases++;
            purchaseValueMinor += value;
        }
        emittedLines += event.getLines().size();
        if (customers != null && event.getCustomerId() != null) {
            customers.add(event.getCustomerId());
        }
    }

    public void setCustomerCount(long count) {
        this.customerCount = count;
    }

    /** Data lines read from the input (header excluded). */
    public long inputLines() {
        return inputLines;
    }

    public long purchases() {
        return purchases;
    }

    public long returns() {
        return returns;
    }

    /** Purchases and returns. */
    public long orders() {
        return purchases + returns;
    }

    /** Order lines inside the emitted events. */
    public long emittedLines() {
        return emittedLines;
    }

    public long purchaseValueMinor() {
        return purchaseValueMinor;
    }

    public long returnValueMinor() {
        return returnValueMinor;
    }

    /** Distinct customers among the emitted events. */
    public long customers() {
        return customers != null ? customers.size() : customerCount;
    }

    /**
     * Distinct customer ids in the input (duplicates excluded), including customers none of whose lines was kept
     * (e.g. only postage lines); equals {@link #customers()} for sources that do not track input ids.
     */
    public long inputCustomers() {
        return inputCustomers != null ? inputCustomers.size() : customers();
    }

    /** Events emitted with an event time earlier than one emitted before them. */
    public long outOfOrder() {
        return outOfOrder;
    }

    public long skipped(SkipReason reason) {
        return skipped.getOrDefault(reason, 0L);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Skip counts by reason, only reasons that occurred, in {@link SkipReason} order. */
    public Map<SkipReason, Long> skips() {
        return Collections.unmodifiableMap(new EnumMap<>(skipped));
    }

    /** The first malformed-row messages, each naming its line number. */
    public List<String> problems() {
        return List.copyOf(problems);
    }
}
