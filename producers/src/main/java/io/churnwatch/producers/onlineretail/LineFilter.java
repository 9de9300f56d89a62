package io.churnwatch.producers.onlineretail;

import io.churnwatch.producers.source.SkipReason;

/**
 * Decides whether a (non-duplicate) line belongs in an order event. The checks run in this order and the first
 * that fails names the skip reason, so every line is counted once:
 * <ol>
 *   <li>invoice starting with A: bad-debt adjustment;</li>
 *   <li>invoice neither all digits nor C followed by digits: unknown type;</li>
 *   <li>no customer id;</li>
 *   <li>{@link NonProductCodes non-product stock code};</li>
 *   <li>price zero or negative (rounded to pence first, so 0.001 counts as zero);</li>
 *   <li>quantity zero, negative on a purchase (stock write-offs) or positive on a cancellation.</li>
 * </ol>
 */
final class LineFilter {

    private LineFilter() {
    }

    /** The reason to skip the line, or null to keep it. */
    static SkipReason skipReason(OnlineRetailLine line) {
        String invoice = line.invoice();
        char first = Character.toUpperCase(invoice.charAt(0));
        if (first == 'A') {
            return SkipReason.BAD_DEBT_ADJUSTMENT;
        }
        if (!isDigits(invoice, first == 'C' ? 1 : 0)) {
            return SkipReason.UNKNOWN_INVOICE_TYPE;
        }
        if (line.customerId() == null) {
            return SkipReason.NO_CUSTOMER_ID;
        }
        if (NonProductCodes.isNonProduct(line.stockCode())) {
            return SkipReason.NON_PRODUCT_CODE;
        }
        if (line.unitPriceMinor() <= 0) {
            return SkipReason.NON_POSITIVE_PRICE;
        }
        boolean quantityFitsKind = line.isCancellation() ? line.quantity() < 0 : line.quantity() > 0;
        if (!quantityFitsKind) {
            return SkipReason.UNEXPECTED_QUANTITY_SIGN;
        }
        return null;
    }

    private static boolean isDigits(String text, int from) {
        if (from >= text.length()) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
