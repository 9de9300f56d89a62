package io.churnwatch.producers.cli;

import io.churnwatch.producers.publish.PublishResult;
import io.churnwatch.producers.source.ImportSummary;
import io.churnwatch.producers.source.SkipReason;
import java.util.Locale;
import java.util.Map;

/** The end-of-replay report: what was read, what was sent, and every skip reason with its count. */
final class SummaryReport {

    private SummaryReport() {
    }

    /**
     * @param published null for a dry run
     */
    static String render(String source, ImportSummary summary, PublishResult published, boolean limited,
                         double seconds) {
        StringBuilder out = new StringBuilder();
        out.append("Replay of ").append(source).append(limited ? " (stopped at --limit)" : "").append('\n');
        if (published == null) {
            row(out, "orders sent", "0 (dry run: parsed and summarised, nothing sent)");
        } else {
            row(out, "orders sent", number(published.acknowledged()) + " acknowledged"
                    + (published.failed() > 0 ? ", " + number(published.failed()) + " FAILED" : ""));
        }
        row(out, "orders read", number(summary.orders()));
        row(out, "  purchases", number(summary.purchases()) + "  (value " + money(summary.purchaseValueMinor()) + ")");
        row(out, "  returns", number(summary.returns()) + "  (value " + money(summary.returnValueMinor()) + ")");
        row(out, "order lines", number(summary.emittedLines()));
        String customers = number(summary.customers()) + " with orders";
        if (summary.inputCustomers() != summary.customers()) {
            customers += ", " + number(summary.inputCustomers()) + " in the input";
        }
        row(out, "customers", customers);
        if (summary.inputLines() > 0) {
            row(out, "input lines", number(summary.inputLines()));
            row(out, "skipped lines", number(summary.skippedTotal()));
        }
        for (Map.Entry<SkipReason, Long> skip : summary.skips().entrySet()) {
            row(out, "  " + skip.getKey().name().toLowerCase(Locale.ROOT), number(skip.getValue()) + "  "
                    + skip.getKey().description());
        }
        if (summary.outOfOrder() > 0) {
            row(out, "out of order", number(summary.outOfOrder()) + " orders earlier than one sent before them");
        }
        for (String problem : summary.problems()) {
            out.append("  ! ").append(problem).append('\n');
        }
        if (published != null && published.firstFailure() != null) {
            out.append("  first failure: ").append(published.firstFailure()).append('\n');
        }
        row(out, "time", String.format(Locale.ROOT, "%.1f s (%,.0f orders/s)", seconds,
                summary.orders() / Math.max(seconds, 1e-9)));
        return out.toString();
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "  %-26s %s%n", label, value));
    }

    private static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Sums of minor units (pence for Online Retail); a generic file may mix currencies, so no symbol. */
    private static String money(long minor) {
        return number(minor) + " minor units";
    }
}
