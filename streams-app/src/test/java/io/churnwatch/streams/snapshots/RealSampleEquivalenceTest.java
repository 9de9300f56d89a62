package io.churnwatch.streams.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.producers.onlineretail.OnlineRetailReader;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.features.CustomerState;
import io.churnwatch.streams.features.CustomerStateSerde;

/**
 * The equivalence on real data: the project's Online Retail II sample, read by the producers' importer, sent
 * through the topology shuffled within the grace and with retries, against the batch computation at every
 * cutoff and its 90-day label horizon. Also measures what a customer's state costs in the store.
 */
class RealSampleEquivalenceTest {

    private static final Logger LOG = LoggerFactory.getLogger(RealSampleEquivalenceTest.class);
    private static final Path SAMPLE = Path.of("..", "data", "sample", "online_retail_II_sample.csv.gz");

    @Test
    void onlineRetailSampleSnapshotsEqualTheBatchComputationAtEveryCutoffAndLabelHorizon() {
        assertThat(SAMPLE).as("the real-data sample of the project").exists();
        List<OrderEvent> events = OnlineRetailReader.readAll(SAMPLE).events();
        assertThat(events).hasSizeGreaterThan(1000);
        TopologySettings settings = TopologySettings.defaults();
        List<OrderEvent> arrivals = SyntheticHistory.arrivalOrder(events, settings.features().grace().toMillis() - 1, 5L);

        AtomicLong customers = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        int compared = SnapshotEquivalenceTest.compareStreamWithBatch(settings, events, arrivals, app -> {
            try (KeyValueIterator<String, CustomerState> all = app.stateStore().all()) {
                all.forEachRemaining(kv -> {
                    customers.incrementAndGet();
                    bytes.addAndGet(CustomerStateSerde.toBytes(kv.value).length);
                });
            }
        });

        double average = bytes.get() / (double) customers.get();
        LOG.info("Online Retail II sample: {} events, {} customer snapshots compared, {} customers,"
                + " {} state bytes per customer on average", events.size(), compared, customers.get(),
                String.format("%.1f", average));
        assertThat(compared).isGreaterThan(1000);
        assertThat(average).as("average state bytes per customer").isLessThan(300);
    }

}
