package io.churnwatch.trainer.trainingset;

import static io.churnwatch.trainer.synthetic.TestSnapshots.day;
import static io.churnwatch.trainer.synthetic.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.FeatureSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSplitterTest {

    private static final int H = 90;

    @Test
    void testIsTheLatestMaturedCutoffAndEveryLabelWindowEndsBeforeTheNextRoleBegins() throws Exception {
        // Monthly cutoffs 2010-01-01 .. 2011-09-01; the stream has reached 2011-09-01, so cutoffs up to 2011-06-01
        // are matured (2011-06-01 + 90d = 2011-08-30).
        SnapshotIndex index = SnapshotIndex.of(streamUpTo("2010-01-01", "2011-09-01"));

        TimeSplit split = TimeSplitter.split(index, H);

        assertThat(split.test()).isEqualTo(day("2011-06-01"));
        // 2011-03-01 + 90d = 2011-05-30 <= test; 2011-04-01 + 90d = 2011-06-30 > test.
        assertThat(split.validation()).isEqualTo(day("2011-03-01"));
        assertThat(split.train()).last().isEqualTo(day("2010-12-01"));
        assertThat(split.train()).first().isEqualTo(day("2010-01-01"));
        for (Instant c : split.train()) {
            assertThat(Cutoffs.labelEnd(c, H)).isBeforeOrEqualTo(split.validation());
        }
        assertThat(Cutoffs.labelEnd(split.validation(), H)).isBeforeOrEqualTo(split.test());
        // The refit takes every cutoff whose label ends by the test cutoff: the training cutoffs, the ones in the
        // embargo gap, and the validation cutoff, but never the test cutoff.
        assertThat(split.refit()).containsSequence(split.train()).contains(day("2011-01-01"), day("2011-02-01"),
                split.validation()).doesNotContain(split.test());
        assertThat(split.refit()).last().isEqualTo(day("2011-03-01"));
    }

    @Test
    void aTrainingCutoffWhoseWindowReachesPastValidationIsEmbargoed() throws Exception {
        SnapshotIndex index = SnapshotIndex.of(streamUpTo("2010-01-01", "2011-09-01"));

        TimeSplit split = TimeSplitter.split(index, H);

        // 2011-01-01 + 90d = 2011-04-01 > validation 2011-03-01: shares outcomes with validation, so not trained on.
        assertThat(split.train()).doesNotContain(day("2011-01-01"), day("2011-02-01"));
    }

    @Test
    void fewerThanThreeSpacedMaturedCutoffsIsNotEnoughAndTheMessageSaysWhenItWillBe() {
        SnapshotIndex index = SnapshotIndex.of(streamUpTo("2010-12-01", "2011-06-01"));

        assertThatThrownBy(() -> TimeSplitter.split(index, H))
                .isInstanceOf(NotEnoughDataException.class)
                // 2011-03-01 is matured too (+90d = 2011-05-30), but no training cutoff ends by the validation one.
                .hasMessageContaining("4 matured monthly cutoff(s) (2010-12-01, 2011-01-01, 2011-02-01, 2011-03-01)")
                .hasMessageContaining("needs at least 3 matured cutoffs")
                // 2010-12-01 -> validation 2011-03-01 -> test 2011-06-01 -> matured at 2011-08-30.
                .hasMessageContaining("once its event time passes 2011-08-30")
                .satisfies(e -> assertThat(((NotEnoughDataException) e).enoughAt()).contains(day("2011-08-30")));
    }

    @Test
    void noSnapshotsAtAllIsSaidPlainly() {
        assertThatThrownBy(() -> TimeSplitter.split(SnapshotIndex.of(List.of()), H))
                .isInstanceOf(NotEnoughDataException.class)
                .hasMessageContaining("no feature snapshots yet");
    }

    /** One customer's snapshots at every monthly cutoff and every horizon the stream has passed. */
    static List<FeatureSnapshot> streamUpTo(String first, String end) {
        Instant firstPurchase = day("2009-06-01");
        LocalDate last = LocalDate.parse(end);
        List<Instant> times = new ArrayList<>();
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(last); d = d.plusMonths(1)) {
            Instant c = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            times.add(c);
            Instant horizon = Cutoffs.labelEnd(c, H);
            if (!horizon.isAfter(last.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                times.add(horizon);
            }
        }
        return times.stream().distinct().map(t -> snapshot("a", t, 2, 0, firstPurchase, firstPurchase)).toList();
    }
}
