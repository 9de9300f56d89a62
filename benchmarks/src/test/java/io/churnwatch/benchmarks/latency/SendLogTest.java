package io.churnwatch.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendLogTest {

    private static SendLog.Sent order(long eventTime, long sentNanos, boolean measured) {
        return new SendLog.Sent(eventTime, sentNanos, LiveOrderMix.Role.REPEAT_PURCHASE, measured);
    }

    @Test
    void aScoreStampedWithItsOrdersEventTimeMatchesThatOrder() {
        SendLog log = new SendLog();
        log.sent("c1", order(1_000, 1, true));
        log.sent("c1", order(1_005, 2, true));

        assertThat(log.scored("c1", 1_000)).map(SendLog.Sent::sentNanos).contains(1L);
        assertThat(log.pendingMeasured()).isEqualTo(1);
    }

    @Test
    void scoresStampedWithALaterWatermarkMatchTheCustomersOrdersInSendOrder() {
        SendLog log = new SendLog();
        log.sent("c1", order(1_000, 1, true));
        log.sent("c1", order(1_003, 2, true));

        // Both applied late in one poll, as of the watermark 1_010.
        assertThat(log.scored("c1", 1_010)).map(SendLog.Sent::sentNanos).contains(1L);
        assertThat(log.scored("c1", 1_010)).map(SendLog.Sent::sentNanos).contains(2L);
        assertThat(log.pendingMeasured()).isZero();
    }

    @Test
    void aScoreBeforeAnyPendingOrdersEventTimeMatchesNothing() {
        SendLog log = new SendLog();
        log.sent("c1", order(2_000, 1, true));

        assertThat(log.scored("c1", 1_999)).isEmpty();
        assertThat(log.scored("other", 5_000)).isEmpty();
        assertThat(log.pendingMeasured()).isEqualTo(1);
    }

    @Test
    void anAlertMatchesTheOrderOfItsScoreWhicheverIsReadFirst() {
        SendLog log = new SendLog();
        log.sent("c1", order(1_000, 1, false));
        log.sent("c1", order(1_004, 2, true));
        log.sent("c2", order(1_001, 3, true));

        log.scored("c1", 1_000);
        log.scored("c1", 1_004);
        assertThat(log.alerted("c1", 1_000)).map(SendLog.Sent::sentNanos).contains(1L);
        assertThat(log.alerted("c1", 1_004)).map(SendLog.Sent::sentNanos).contains(2L);

        // Alert read before its score: the pending order, which the score then takes.
        assertThat(log.alerted("c2", 1_001)).map(SendLog.Sent::sentNanos).contains(3L);
        assertThat(log.scored("c2", 1_001)).map(SendLog.Sent::sentNanos).contains(3L);
    }
}
