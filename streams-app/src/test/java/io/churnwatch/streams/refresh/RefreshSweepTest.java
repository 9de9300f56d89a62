package io.churnwatch.streams.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.churnwatch.streams.ProcessorContexts;

class RefreshSweepTest {

    private KeyValueStore<String, Long> progress;
    private KeyValueStore<String, String> states;
    private final List<String> emitted = new ArrayList<>();

    @BeforeEach
    void stores() {
        MockProcessorContext<Object, Object> context = ProcessorContexts.create();
        progress = ProcessorContexts.addStore(context, "progress", Serdes.String(), Serdes.Long());
        states = ProcessorContexts.addStore(context, "states", Serdes.String(), Serdes.String());
        for (String id : List.of("c3", "c1", "c5", "c2", "c4")) {
            states.put(id, "state of " + id);
        }
    }

    private RefreshSweep<String> sweep() {
        return new RefreshSweep<>(progress, states, "0_0");
    }

    private int step(RefreshSweep<String> sweep, long generation, int budget) {
        return sweep.step(generation, budget, (id, state) -> {
            assertThat(state).isEqualTo("state of " + id);
            emitted.add(id);
        });
    }

    @Test
    void nothingIsSweptUntilTheGenerationMovesFromZero() {
        RefreshSweep<String> sweep = sweep();
        assertThat(step(sweep, 0, 10)).isZero();
        assertThat(progress.get(RefreshSweep.COMPLETED_KEY)).isNull();
    }

    @Test
    void aNewGenerationVisitsEveryCustomerOnceInBoundedSteps() {
        RefreshSweep<String> sweep = sweep();
        assertThat(step(sweep, 1, 2)).isEqualTo(2);
        assertThat(progress.get(RefreshSweep.COMPLETED_KEY)).isNull();
        assertThat(step(sweep, 1, 2)).isEqualTo(2);
        assertThat(step(sweep, 1, 2)).isEqualTo(1);
        assertThat(progress.get(RefreshSweep.COMPLETED_KEY)).isEqualTo(1L);
        assertThat(step(sweep, 1, 2)).isZero();
        assertThat(emitted).containsExactly("c1", "c2", "c3", "c4", "c5");
    }

    @Test
    void aCustomerWhoArrivesDuringTheSweepIsVisitedIfAheadOfTheCursor() {
        RefreshSweep<String> sweep = sweep();
        step(sweep, 1, 2);
        states.put("c0", "state of c0");
        states.put("c9", "state of c9");
        while (step(sweep, 1, 2) > 0) {
            // c0 is behind the cursor: its own order emitted its features with the current model already.
        }
        assertThat(emitted).containsExactly("c1", "c2", "c3", "c4", "c5", "c9");
    }

    @Test
    void aGenerationThatChangesMidSweepStartsItOver() {
        RefreshSweep<String> sweep = sweep();
        step(sweep, 1, 3);
        while (step(sweep, 2, 3) > 0) {
            // drains generation 2
        }
        assertThat(emitted).containsExactly("c1", "c2", "c3", "c1", "c2", "c3", "c4", "c5");
        assertThat(progress.get(RefreshSweep.COMPLETED_KEY)).isEqualTo(2L);
    }

    @Test
    void aRestartedTaskNeitherRepeatsAFinishedSweepNorForgetsAnUnfinishedOne() {
        RefreshSweep<String> first = sweep();
        while (step(first, 1, 2) > 0) {
            // completes generation 1
        }
        emitted.clear();
        assertThat(step(sweep(), 1, 2)).as("same generation after a restart").isZero();

        step(sweep(), 2, 2);
        RefreshSweep<String> afterCrash = sweep();
        while (step(afterCrash, 2, 2) > 0) {
            // a crash mid-sweep: the new instance starts from the first customer again
        }
        assertThat(emitted).containsExactly("c1", "c2", "c1", "c2", "c3", "c4", "c5");
    }

    @Test
    void aDeletedReleaseGoingBackToZeroIsAGenerationToo() {
        RefreshSweep<String> sweep = sweep();
        while (step(sweep, 4, 10) > 0) {
            // completes generation 4
        }
        assertThat(step(sweep, 0, 10)).isEqualTo(5);
        assertThat(progress.get(RefreshSweep.COMPLETED_KEY)).isZero();
    }
}
