package io.churnwatch.streams.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Parsers for setting values, shared by every module's typed configuration. Each throws an
 * {@link IllegalArgumentException} whose message completes "CHURNWATCH_X='…' is invalid: …".
 */
public final class SettingValues {

    private SettingValues() {
    }

    public static String nonEmpty(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return text;
    }

    public static int positiveInt(String text) {
        int value = Integer.parseInt(text);
        if (value <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return value;
    }

    public static int nonNegativeInt(String text) {
        int value = Integer.parseInt(text);
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return value;
    }

    public static long nonNegativeLong(String text) {
        long value = Long.parseLong(text);
        if (value < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return value;
    }

    public static Duration positiveDuration(String text) {
        Duration duration = Durations.parse(text);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("must be a positive duration such as 5s");
        }
        return duration;
    }

    public static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }
}
