package io.churnwatch.producers.source;

/**
 * Why an input line did not become part of an order event. Every skipped line is counted under exactly one
 * reason: the first of these, in declaration order, that applies.
 */
public enum SkipReason {
    MALFORMED_ROW("malformed row (wrong field count, unparseable number, date or id)"),
    DUPLICATE_LINE("duplicate line (the same invoice line seen again, e.g. the overlap of the two sheets)"),
    BAD_DEBT_ADJUSTMENT("bad-debt adjustment (invoice starting with A)"),
    UNKNOWN_INVOICE_TYPE("invoice number neither numeric nor starting with C or A"),
    NO_CUSTOMER_ID("no customer id"),
    NON_PRODUCT_CODE("non-product stock code (postage, fees, manual adjustments, gift vouchers...)"),
    NON_POSITIVE_PRICE("zero or negative price"),
    UNEXPECTED_QUANTITY_SIGN("quantity zero, negative on a purchase or positive on a cancellation"),
    SPLIT_ORDER("order rows not adjacent (the order id reappears after other orders)"),
    INCONSISTENT_ORDER("row disagrees with its order's customer, kind or currency");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
