package io.churnwatch.serving.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.configuration.metrics.aggregator.MeterRegistryConfigurer;
import jakarta.inject.Singleton;

/**
 * Applies {@link StoreMetricTags} to the registries that export (Prometheus), not to the composite registry the
 * application and Micrometer's KafkaMetrics bind to, which is where Micronaut would put a {@code MeterFilter} bean.
 *
 * <p>KafkaMetrics keeps its own books in raw Kafka ids: before binding a metric it compares the tags of the meters
 * already in its registry by count, and skips the metric when one of the same name has more tags (micrometer#7516);
 * it removes meters by raw id too (micrometer#7541). A filter on that registry which turns one tag into two thus
 * lets only the first store of each metric name in, and leaves removed tasks' meters behind. In the composite the
 * ids stay raw; each child registry maps them, and the composite removes from its children by that raw id.
 */
@Singleton
class StoreMetricTagsConfigurer implements MeterRegistryConfigurer<MeterRegistry> {

    private final StoreMetricTags filter = new StoreMetricTags();

    @Override
    public boolean supports(MeterRegistry registry) {
        return !(registry instanceof CompositeMeterRegistry);
    }

    @Override
    public void configure(MeterRegistry registry) {
        registry.config().meterFilter(filter);
    }

    @Override
    public Class<MeterRegistry> getType() {
        return MeterRegistry.class;
    }

    /** Before Micronaut's own configurer binds the JVM meters, so that the filter precedes every meter. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
