package io.churnwatch.producers.onlineretail;

import io.churnwatch.producers.source.ImportSummary;
import io.churnwatch.producers.source.SkipReason;
import io.churnwatch.schemas.OrderEvent;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Groups the lines of a time-sorted Online Retail file into invoices and hands each finished invoice on as an
 * {@link OrderEvent}.
 *
 * <p>Lines of one invoice are not always adjacent: invoices of the same minute interleave and a few span two
 * minutes. So an invoice stays open until the file's clock has moved {@code closeAfterMillis} away from it (either
 * way: the second sheet of Online Retail II starts eight days back in time).
 *
 * <p>De-duplication by invoice + line: once an invoice is closed its lines' fingerprints are remembered. If the
 * invoice number turns up again (the two sheets of Online Retail II overlap on 2010-12-01..09 with the very same
 * invoices) each incoming line that matches a remembered copy is a duplicate and is skipped; copies are matched
 * one for one, so a line that the invoice really holds twice is kept twice. Lines that match nothing are new and
 * become a continuation order {@code <invoice>-2} (none in the published data).
 */
final class InvoiceAssembler {

    private final long closeAfterMillis;
    private final ImportSummary summary;
    private final Consumer<OrderEvent> finished;
    private final Map<String, OpenInvoice> open = new LinkedHashMap<>();
    private final Map<String, long[]> closedFingerprints = new HashMap<>();
    private final Map<String, Integer> emittedParts = new HashMap<>();

    InvoiceAssembler(long closeAfterMillis, ImportSummary summary, Consumer<OrderEvent> finished) {
        this.closeAfterMillis = closeAfterMillis;
        this.summary = summary;
        this.finished = finished;
    }

    void add(OnlineRetailLine line) {
        closeInvoicesFarFrom(line.eventTime());
        OpenInvoice invoice = open.computeIfAbsent(line.invoice(),
                number -> new OpenInvoice(number, closedFingerprints.get(number)));
        if (invoice.consumeRepeat(line.fingerprint())) {
            summary.recordSkip(SkipReason.DUPLICATE_LINE);
            return;
        }
        invoice.remember(line);
        summary.recordInputCustomer(line.customerId());
        SkipReason reason = LineFilter.skipReason(line);
        if (reason == null && !invoice.fits(line)) {
            reason = SkipReason.INCONSISTENT_ORDER;
        }
        if (reason != null) {
            summary.recordSkip(reason);
            return;
        }
        invoice.accept(line);
    }

    /** The earliest line time of any invoice still open, or {@code Long.MAX_VALUE}. */
    long earliestOpenTime() {
        long earliest = Long.MAX_VALUE;
        for (OpenInvoice invoice : open.values()) {
            earliest = Math.min(earliest, invoice.firstTime());
        }
        return earliest;
    }

    /** At the end of the file. */
    void closeAll() {
        for (OpenInvoice invoice : open.values()) {
            finish(invoice);
        }
        open.clear();
    }

    private void closeInvoicesFarFrom(long time) {
        Iterator<OpenInvoice> it = open.values().iterator();
        while (it.hasNext()) {
            OpenInvoice invoice = it.next();
            if (time - invoice.lastTime() > closeAfterMillis || invoice.firstTime() - time > closeAfterMillis) {
                it.remove();
                finish(invoice);
            }
        }
    }

    private void finish(OpenInvoice invoice) {
        closedFingerprints.merge(invoice.number(), invoice.fingerprints(), InvoiceAssembler::concat);
        if (!invoice.hasAcceptedLines()) {
            return;
        }
        int part = emittedParts.merge(invoice.number(), 1, Integer::sum);
        String orderId = part == 1 ? invoice.number() : invoice.number() + "-" + part;
        finished.accept(invoice.toEvent(orderId));
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
