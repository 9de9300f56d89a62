package io.churnwatch.scoring.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.trainer.segments.SegmentFeatures;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SegmentMemorySerdeTest {

    private final SegmentMemorySerde serde = new SegmentMemorySerde();

    @Test
    void roundTripsIncludingNonAsciiNames() {
        SegmentMemory memory = new SegmentMemory("Échappés — lost", 12, new SegmentFeatures(94.5, 3, 123.45, 0.25));
        byte[] bytes = serde.serializer().serialize("t", memory);
        assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(memory);
    }

    @Test
    void rejectsBytesOfAnotherFormat() {
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 1, 2}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void movesListOnlyChangedInputsOrAllForAFirstSegment() {
        SegmentFeatures before = new SegmentFeatures(10, 3, 100, 0);
        SegmentFeatures after = new SegmentFeatures(40, 3, 100, 0.25);
        assertThat(FeatureMoves.between(before, after)).extracting(m -> m.getFeature())
                .containsExactly("recency_days", "return_rate");
        assertThat(FeatureMoves.between(null, after)).hasSize(4);
    }
}
