package io.churnwatch.producers.onlineretail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small crafted Online Retail files for tests. */
final class OnlineRetailFiles {

    static final String HEADER_II = "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country";
    static final String HEADER_I = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    private OnlineRetailFiles() {
    }

    static Path write(Path dir, String name, String header, String... lines) {
        try {
            Path file = dir.resolve(name);
            String text = header + "\n" + String.join("\n", lines) + "\n";
            if (name.endsWith(".gz")) {
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                Files.writeString(file, text);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One Online Retail II line. */
    static String line(String invoice, String stockCode, int quantity, String date, String price, String customer) {
        return String.join(",", invoice, stockCode, "ITEM " + stockCode, Integer.toString(quantity), date, price,
                customer, "United Kingdom");
    }
}
