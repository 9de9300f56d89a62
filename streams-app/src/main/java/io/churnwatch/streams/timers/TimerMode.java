package io.churnwatch.streams.timers;

/**
 * What "now" is for timers and wall-clock snapshots. {@code EVENT_TIME} follows the stream's event time and
 * suits replays of history; {@code WALL_CLOCK} follows the machine clock and suits live operation, where a quiet
 * stream must still see its customers age (stream time does not advance without records).
 */
public enum TimerMode {
    EVENT_TIME,
    WALL_CLOCK;

    /** Parses {@code event-time} / {@code wall-clock} (case and separator insensitive). */
    public static TimerMode parse(String text) {
        String normalized = text.trim().toLowerCase().replace('_', '-');
        return switch (normalized) {
            case "event-time" -> EVENT_TIME;
            case "wall-clock" -> WALL_CLOCK;
            default -> throw new IllegalArgumentException("timer mode must be event-time or wall-clock, got '" + text + "'");
        };
    }
}
