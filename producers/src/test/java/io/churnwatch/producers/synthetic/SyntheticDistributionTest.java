package io.churnwatch.producers.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sanity of the generated population against what the model's parameters imply (bounds derived in comments),
 * on 20,000 customers over two years.
 */
class SyntheticDistributionTest {

    private static final SyntheticConfig CONFIG = SyntheticConfig.defaults().withCustomers(20_000).withDays(730);

    private static Stats withPeak;
    private static Stats withoutPeak;

    @BeforeAll
    static void generate() {
        withPeak = Stats.of(CONFIG);
        withoutPeak = Stats.of(CONFIG.withSeasonPeak(0));
    }

    @Test
    void aboutFourInTenCustomersBuyOnlyOnce() {
        // At least the mean first-purchase dropout a/(a+b) = 0.25; plus customers not dropped whose next
        // purchase falls after the end (E over Gamma rates of exp(-rate * remaining time), about a quarter of
        // the rest), so about 0.44. Never dropping would give about 0.2, always dropping 1.0.
        double oneTime = withPeak.oneTimeBuyers / (double) CONFIG.customers();
        assertThat(oneTime).isBetween(0.30, 0.60);
    }

    @Test
    void returnsAreAboutTheMeanReturnPropensityOfPurchases() {
        // Each purchase is followed by a return with the customer's propensity, Beta(1, 9) with mean 0.1; returns
        // that would fall after the end (mean delay 14 of 730 days) are cut.
        double returnsPerPurchase = withPeak.returns / (double) withPeak.purchases;
        assertThat(returnsPerPurchase).isBetween(0.08, 0.12);
    }

    @Test
    void aFewHeavyBuyersMakeAnOutsizedShareOfPurchases() {
        long[] counts = withPeak.purchasesByCustomer.values().stream().mapToLong(Long::longValue).sorted().toArray();
        int topTwoPercent = counts.length / 50;
        long top = Arrays.stream(counts, counts.length - topTwoPercent, counts.length).sum();
        assertThat(top / (double) withPeak.purchases).isGreaterThan(0.10);
    }

    @Test
    void novemberAndDecemberAreBusierWhenThePeakIsOn() {
        // The bell over 21 November roughly doubles the rate at its top; without it the two windows match.
        assertThat(withPeak.peakToAutumnRatio()).isGreaterThan(1.3);
        assertThat(withoutPeak.peakToAutumnRatio()).isBetween(0.85, 1.15);
    }

    @Test
    void basketsFollowTheCatalogueSkewAndSize() {
        // Zipf(1.1) over 3,000 SKUs puts about half the picks on the top 1%.
        assertThat(withPeak.topSkuLineShare()).isGreaterThan(0.30);
        double linesPerPurchase = withPeak.purchaseLines / (double) withPeak.purchases;
        assertThat(linesPerPurchase).isBetween(7.0, 10.0);
    }

    /** What the tests need from one generated history, gathered while streaming. */
    private static final class Stats {
        long purchases;
        long returns;
        long purchaseLines;
        long oneTimeBuyers;
        long peakWindow;
        long autumnWindow;
        final Map<String, Long> purchasesByCustomer = new HashMap<>();
        final Map<String, Long> linesBySku = new HashMap<>();

        static Stats of(SyntheticConfig config) {
            Instant autumnStart = Instant.parse("2024-09-01T00:00:00Z");
            Instant peakStart = Instant.parse("2024-11-01T00:00:00Z");
            Instant peakEnd = Instant.parse("2024-12-16T00:00:00Z");
            Instant autumnEnd = Instant.parse("2024-10-16T00:00:00Z");
            Stats stats = new Stats();
            try (SyntheticOrderSource source = new SyntheticOrderSource(config)) {
                while (source.hasNext()) {
                    OrderEvent event = source.next();
                    if (event.getKind() == OrderKind.RETURN) {
                        stats.returns++;
                        continue;
                    }
                    stats.purchases++;
                    stats.purchaseLines += event.getLines().size();
                    stats.purchasesByCustomer.merge(event.getCustomerId(), 1L, Long::sum);
                    for (OrderLine line : event.getLines()) {
                        stats.linesBySku.merge(line.getSku(), 1L, Long::sum);
                    }
                    Instant t = event.getEventTime();
                    if (!t.isBefore(peakStart) && t.isBefore(peakEnd)) {
                        stats.peakWindow++;
                    } else if (!t.isBefore(autumnStart) && t.isBefore(autumnEnd)) {
                        stats.autumnWindow++;
                    }
                }
            }
            stats.oneTimeBuyers = stats.purchasesByCustomer.values().stream().filter(n -> n == 1).count();
            return stats;
        }

        /** Both windows are 45 days long. */
        double peakToAutumnRatio() {
            return peakWindow / (double) autumnWindow;
        }

        double topSkuLineShare() {
            long[] counts = linesBySku.values().stream().mapToLong(Long::longValue).sorted().toArray();
            int top = CONFIG.skus() / 100;
            long topLines = Arrays.stream(counts, counts.length - top, counts.length).sum();
            return topLines / (double) purchaseLines;
        }
    }
}
