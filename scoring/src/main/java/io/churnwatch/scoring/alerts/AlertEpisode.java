package io.churnwatch.scoring.alerts;

/**
 * Where a customer stands in alerting.
 *
 * @param episodes  alert episodes started so far; the current (or last) one's number
 * @param open      whether an episode is running: no further alert until it ends
 * @param alertedAt event time (epoch millis) of the alert that started the current or last episode; 0 before any
 */
public record AlertEpisode(int episodes, boolean open, long alertedAt) {

    /** A customer never alerted. */
    public static final AlertEpisode NONE = new AlertEpisode(0, false, 0);

    public AlertEpisode {
        if (episodes < 0) {
            throw new IllegalArgumentException("episodes must be >= 0, got " + episodes);
        }
        if (open && episodes == 0) {
            throw new IllegalArgumentException("an open episode needs an episode number");
        }
    }

    AlertEpisode started(long eventTime) {
        return new AlertEpisode(episodes + 1, true, eventTime);
    }

    AlertEpisode ended() {
        return new AlertEpisode(episodes, false, alertedAt);
    }
}
