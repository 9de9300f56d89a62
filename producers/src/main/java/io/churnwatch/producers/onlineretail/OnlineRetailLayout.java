package io.churnwatch.producers.onlineretail;

import io.churnwatch.producers.source.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two CSV layouts of the UCI Online Retail data sets, told apart by their header. Column positions are taken
 * from the header, so a file with reordered columns still reads.
 *
 * <ul>
 *   <li>{@link #ONLINE_RETAIL}: "Online Retail" (2010-12 .. 2011-12):
 *       {@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}</li>
 *   <li>{@link #ONLINE_RETAIL_II}: "Online Retail II" (2009-12 .. 2011-12):
 *       {@code Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country}</li>
 * </ul>
 */
public enum OnlineRetailLayout {
    ONLINE_RETAIL(List.of("invoiceno", "stockcode", "description", "quantity", "invoicedate", "unitprice",
            "customerid", "country")),
    ONLINE_RETAIL_II(List.of("invoice", "stockcode", "description", "quantity", "invoicedate", "price",
            "customerid", "country"));

    /** The columns in the order of {@link Columns}' fields, as normalised header names. */
    private final List<String> normalisedNames;

    OnlineRetailLayout(List<String> normalisedNames) {
        this.normalisedNames = normalisedNames;
    }

    /** Where each column is in a file of this layout. */
    public record Columns(OnlineRetailLayout layout, int invoice, int stockCode, int description, int quantity,
                          int invoiceDate, int price, int customerId, int country, int width) {
    }

    /**
     * Recognises the layout from a header row.
     *
     * @throws InvalidInputException naming the expected headers if neither layout matches
     */
    public static Columns detect(String[] header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            positions.putIfAbsent(normalise(header[i]), i);
        }
        for (OnlineRetailLayout layout : values()) {
            if (positions.keySet().containsAll(layout.normalisedNames)) {
                return layout.columns(positions, header.length);
            }
        }
        throw new InvalidInputException("not an Online Retail file: the header " + String.join(",", header)
                + " matches neither InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country"
                + " (Online Retail) nor Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country"
                + " (Online Retail II)");
    }

    private Columns columns(Map<String, Integer> positions, int width) {
        int[] at = normalisedNames.stream().mapToInt(positions::get).toArray();
        return new Columns(this, at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7], width);
    }

    /** "Customer ID", "CustomerID" and "customer_id" all become "customerid". */
    static String normalise(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
