package io.churnwatch.serving.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Meter filters, applied by Micronaut to every meter registry before any meter is registered. */
@Factory
class MetricsFactory {

    @Singleton
    MeterFilter storeMetricTags() {
        return new StoreMetricTags();
    }
}
