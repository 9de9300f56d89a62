package io.churnwatch.streams.features;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedForward;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.ProcessorContexts;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.snapshots.MonthlyCutoffs;
import io.churnwatch.streams.timers.InactivitySchedule;
import io.churnwatch.streams.timers.TimerMode;

import io.churnwatch.schemas.serde.AvroSerde;
import io.churnwatch.schemas.registry.SchemaRegistryClient;

class CustomerFeaturesProcessorTest {

    private MockProcessorContext<String, FeatureOutput> context;
    private CustomerFeaturesProcessor processor;

    private void start(TimerMode mode, Duration grace) {
        context = ProcessorContexts.create();
        ProcessorContexts.addStore(context, CustomerFeaturesProcessor.STATE_STORE, Serdes.String(), new CustomerStateSerde());
        ProcessorContexts.addStore(context, CustomerFeaturesProcessor.BUFFER_STORE, Serdes.Bytes(),
                new AvroSerde<>(OrderEvent.class, SchemaRegistryClient.forUrl("mock://processor-test")));
        ProcessorContexts.addStore(context, CustomerFeaturesProcessor.TIMER_STORE, Serdes.Bytes(), Serdes.ByteArray());
        ProcessorContexts.addStore(context, CustomerFeaturesProcessor.PROGRESS_STORE, Serdes.String(), Serdes.Long());
        FeatureSettings settings = new FeatureSettings(grace, mode, Duration.ofSeconds(30),
                InactivitySchedule.defaults(), new MonthlyCutoffs());
        processor = new CustomerFeaturesProcessor(settings);
        processor.init(context);
    }

    private void process(OrderEvent order) {
        processor.process(new Record<>(order.getCustomerId(), order, order.getEventTime().toEpochMilli()));
    }

    private List<Instant> forwardedAsOf() {
        List<Instant> asOf = context.forwarded().stream()
                .map(CapturedForward::record)
                .map(Record::value)
                .filter(v -> v instanceof FeatureOutput.FeaturesUpdate)
                .map(v -> ((FeatureOutput.FeaturesUpdate) v).features().getAsOf())
                .toList();
        context.resetForwards();
        return asOf;
    }

    @Test
    void registersOneWallClockPunctuatorInWallClockModeAndItFiresDueTimers() {
        start(TimerMode.WALL_CLOCK, Duration.ZERO);
        CapturedPunctuator punctuator = context.scheduledPunctuators().get(0);
        assertThat(context.scheduledPunctuators()).hasSize(1);
        assertThat(punctuator.getType()).isEqualTo(PunctuationType.WALL_CLOCK_TIME);

        Instant bought = Instant.parse("2012-03-01T10:00:00Z");
        context.setCurrentSystemTimeMs(bought.toEpochMilli());
        process(purchase("o1", "c1", bought, line("A", 1, 100)));
        assertThat(forwardedAsOf()).containsExactly(bought);

        long later = bought.plus(Duration.ofDays(15)).toEpochMilli();
        context.setCurrentSystemTimeMs(later);
        punctuator.getPunctuator().punctuate(later);

        assertThat(forwardedAsOf()).containsExactly(bought.plus(Duration.ofDays(7)), bought.plus(Duration.ofDays(14)));
    }

    @Test
    void inEventTimeOnlyOrdersMoveTimeNotTheTasksStreamTime() {
        start(TimerMode.EVENT_TIME, Duration.ofMinutes(10));
        // No punctuator: a record's timestamp may be its produce time, and a replay of 2011 is produced in 2026.
        assertThat(context.scheduledPunctuators()).isEmpty();

        Instant bought = Instant.parse("2011-03-01T10:00:00Z");
        process(purchase("o1", "c1", bought, line("A", 1, 100)));
        assertThat(forwardedAsOf()).isEmpty();

        process(purchase("o2", "c2", bought.plus(Duration.ofDays(8)), line("A", 1, 100)));
        assertThat(forwardedAsOf()).containsExactly(bought, bought.plus(Duration.ofDays(7)));
    }

    @Test
    void theReleasedWatermarkSurvivesARestartSoLateEventsStayLate() {
        start(TimerMode.EVENT_TIME, Duration.ZERO);
        process(purchase("o1", "c1", Instant.parse("2011-03-10T10:00:00Z"), line("A", 1, 100)));
        var progress = context.<org.apache.kafka.streams.state.KeyValueStore<String, Long>>getStateStore(
                CustomerFeaturesProcessor.PROGRESS_STORE);
        assertThat(progress.get("released-watermark")).isEqualTo(Instant.parse("2011-03-10T10:00:00Z").toEpochMilli());
        assertThat(progress.get("last-cutoff")).isEqualTo(Instant.parse("2011-03-01T00:00:00Z").toEpochMilli());

        CustomerFeaturesProcessor restarted = new CustomerFeaturesProcessor(TopologySettings.defaults().features()
                .withGrace(Duration.ZERO));
        restarted.init(context);
        context.resetForwards();
        restarted.process(new Record<>("c2", purchase("o2", "c2", "2011-03-09T10:00:00Z", line("A", 1, 100)),
                Instant.parse("2011-03-09T10:00:00Z").toEpochMilli()));

        assertThat(forwardedAsOf()).containsExactly(Instant.parse("2011-03-10T10:00:00Z"));
    }
}
