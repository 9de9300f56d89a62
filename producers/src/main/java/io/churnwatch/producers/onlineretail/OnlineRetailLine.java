package io.churnwatch.producers.onlineretail;

/**
 * One parsed row of an Online Retail file, before any filtering.
 *
 * @param quantity       as in the file: negative on cancellations
 * @param eventTime      InvoiceDate read as Europe/London local time, in epoch millis
 * @param unitPriceMinor Price in pence, rounded half-up
 * @param customerId     integer text ("12345"), or null when the file has none
 * @param fingerprint    a hash of the raw fields, to recognise the same line when it appears again
 */
public record OnlineRetailLine(long lineNumber, String invoice, String stockCode, String description, int quantity,
                               long eventTime, long unitPriceMinor, String customerId, String country,
                               long fingerprint) {

    /** Invoices starting with C are cancellations: their lines become RETURN events. */
    public boolean isCancellation() {
        return invoice.startsWith("C") || invoice.startsWith("c");
    }
}
