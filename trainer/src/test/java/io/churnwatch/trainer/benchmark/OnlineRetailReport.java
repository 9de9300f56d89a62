package io.churnwatch.trainer.benchmark;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.trainer.Trainer;
import io.churnwatch.trainer.TrainingOutcome;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.evaluation.ContenderMetrics;
import io.churnwatch.trainer.report.TrainingReport;
import io.churnwatch.trainer.synthetic.OrderHistory;
import io.churnwatch.trainer.synthetic.SyntheticCustomer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A sanity check of the trainer on the real UCI Online Retail II data, without the streams app: orders are
 * imported from the CSV, features computed per customer with the test feature calculator at every monthly cutoff
 * and label horizon the data has passed, and the snapshots handed to {@link Trainer#trainAndReport}. Not a test
 * (the data set lives beside the project, not in it); run by hand:
 *
 * <pre>
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *     io.churnwatch.trainer.benchmark.OnlineRetailReport ../../shared/data/online_retail_II.csv.gz target/retail-report
 * </pre>
 *
 * Import rules (from the data set's README): the two workbook sheets overlap, so an invoice seen in an earlier
 * block of rows is skipped when it appears again; invoices starting with "C" are returns, "A" bad-debt adjustments
 * (skipped); rows without a customer id and non-product stock codes (postage, manual, discounts, fees) are skipped.
 * Invoice times (UK local) are taken as UTC.
 */
public final class OnlineRetailReport {

    private static final Set<String> NOT_PRODUCTS = Set.of("POST", "DOT", "M", "D", "C2", "CRUK", "BANK CHARGES",
            "AMAZONFEE", "PADS", "ADJUST", "ADJUST2", "B", "S", "TEST001", "TEST002", "SP1002", "m");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OnlineRetailReport() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args.length > 0 ? args[0] : "../../shared/data/online_retail_II.csv.gz");
        Path reportDir = Path.of(args.length > 1 ? args[1] : "target/online-retail-report");
        int horizon = TrainingSettings.DEFAULT_HORIZON_DAYS;

        Map<String, SyntheticCustomer> customers = importOrders(csv);
        long end = customers.values().stream().mapToLong(SyntheticCustomer::lastOrder).max().orElseThrow();
        List<FeatureSnapshot> snapshots = OrderHistory.snapshots(customers.values(), horizon);
        System.out.printf(Locale.ROOT, "%d customers, %d snapshots, data end %s%n", customers.size(), snapshots.size(),
                Instant.ofEpochMilli(end));

        TrainingOutcome outcome = new Trainer(TrainingSettings.defaults())
                .trainAndReport(snapshots, Optional.empty(), reportDir);
        System.out.printf(Locale.ROOT, "test cutoff %s: %d customers, churn rate %.3f%n",
                outcome.report().split().test(), outcome.report().split().testRows(),
                outcome.report().split().testChurnRate());
        for (ContenderMetrics c : outcome.report().contenders()) {
            System.out.printf(Locale.ROOT, "  %-20s ROC-AUC %.4f  PR-AUC %.4f  lift@10%% %.3f  Brier %s%n",
                    c.contender(), c.rocAuc(), c.prAuc(), c.liftTop10(),
                    c.brier() == null ? "-" : String.format(Locale.ROOT, "%.4f", c.brier()));
        }
        TrainingReport.Threshold threshold = outcome.report().threshold();
        System.out.printf(Locale.ROOT, "alert threshold %.4f: %d of %d test customers (%.1f%%), expected campaign "
                        + "profit %.0f minor units (saveRate %s, incentiveShare %s, contactCost %s)%n",
                threshold.threshold(), threshold.alerted(), threshold.customers(),
                100.0 * threshold.alerted() / threshold.customers(), threshold.expectedProfitMinor(),
                threshold.saveRate(), threshold.incentiveShare(), threshold.contactCostMinor());
        System.out.println("report: " + reportDir.toAbsolutePath());
    }

    private static Map<String, SyntheticCustomer> importOrders(Path csv) throws Exception {
        Map<String, Invoice> invoices = new LinkedHashMap<>();
        Set<String> finishedInvoices = new HashSet<>();
        String current = null;
        Map<String, Integer> skuIds = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            boolean skipBlock = false;
            while ((line = in.readLine()) != null) {
                List<String> f = split(line);
                String invoice = f.get(0);
                if (!invoice.equals(current)) {
                    if (current != null) {
                        finishedInvoices.add(current);
                    }
                    current = invoice;
                    // The second sheet repeats invoices of the first: a block seen before is skipped whole.
                    skipBlock = finishedInvoices.contains(invoice);
                }
                String customer = f.get(6);
                String code = f.get(1);
                if (skipBlock || customer.isEmpty() || invoice.startsWith("A") || NOT_PRODUCTS.contains(code)) {
                    continue;
                }
                int quantity = Integer.parseInt(f.get(3));
                double price = Double.parseDouble(f.get(5));
                if (price <= 0 || quantity == 0) {
                    continue;
                }
                long time = LocalDateTime.parse(f.get(4), TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
                Invoice order = invoices.computeIfAbsent(invoice, k -> new Invoice(customer.replace(".0", ""), time,
                        !invoice.startsWith("C")));
                order.value += Math.round(Math.abs(quantity) * price * 100);
                order.units += Math.abs(quantity);
                order.skus.add(skuIds.computeIfAbsent(code, k -> skuIds.size()));
            }
        }
        Map<String, SyntheticCustomer> customers = new HashMap<>();
        for (Invoice invoice : invoices.values()) {
            customers.computeIfAbsent(invoice.customer, SyntheticCustomer::new).add(new SyntheticCustomer.Order(
                    invoice.time, invoice.purchase, invoice.value, (int) Math.min(Integer.MAX_VALUE, invoice.units),
                    invoice.skus.stream().mapToInt(Integer::intValue).toArray()));
        }
        customers.values().forEach(SyntheticCustomer::sortOrders);
        customers.values().removeIf(c -> c.firstPurchase() == Long.MAX_VALUE);
        return customers;
    }

    /** Splits one CSV line with minimal quoting (fields with commas are quoted, quotes doubled). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static final class Invoice {
        final String customer;
        final long time;
        final boolean purchase;
        long value;
        long units;
        final Set<Integer> skus = new HashSet<>();

        Invoice(String customer, long time, boolean purchase) {
            this.customer = customer;
            this.time = time;
            this.purchase = purchase;
        }
    }
}
