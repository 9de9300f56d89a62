package io.churnwatch.scoring.treatment;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holdout share in force: the operator's value from the settings topic when there is a valid one, else the
 * configured {@code CHURNWATCH_HOLDOUT_SHARE}. Shared by all stream threads; an invalid operator value is logged
 * once (not once per alert) and each change of the share in force once.
 */
public final class HoldoutShare {

    private static final Logger LOG = LoggerFactory.getLogger(HoldoutShare.class);

    private final double configured;
    private final AtomicReference<String> lastRejected = new AtomicReference<>();
    private final AtomicReference<Double> lastInForce = new AtomicReference<>();

    public HoldoutShare(double configured) {
        if (!valid(configured)) {
            throw new IllegalArgumentException("holdout share must lie in [0, 1], got " + configured);
        }
        this.configured = configured;
    }

    public double configured() {
        return configured;
    }

    /** The share in force given the operator's text value ({@code null} when none is set). */
    public double inForce(String operatorValue) {
        double share = configured;
        String source = "configured";
        if (operatorValue != null) {
            OptionalDouble parsed = parse(operatorValue);
            if (parsed.isPresent()) {
                share = parsed.getAsDouble();
                source = "operator setting";
            } else if (!operatorValue.equals(lastRejected.getAndSet(operatorValue))) {
                LOG.warn("Ignoring holdout share '{}' from the settings topic (not a number in [0, 1]); using the "
                        + "configured {}", operatorValue, configured);
            }
        }
        Double previous = lastInForce.getAndSet(share);
        if (previous == null || previous != share) {
            LOG.info("Holdout share in force: {} ({})", share, source);
        }
        return share;
    }

    /** The share written as text on the settings topic, e.g. {@code 0.25}. */
    public static String format(double share) {
        if (!valid(share)) {
            throw new IllegalArgumentException("holdout share must lie in [0, 1], got " + share);
        }
        return String.format(Locale.ROOT, "%s", share);
    }

    /** A decimal in [0, 1], or empty for anything else (NaN, out of range, not a number). */
    public static OptionalDouble parse(String text) {
        try {
            double share = Double.parseDouble(text.trim());
            return valid(share) ? OptionalDouble.of(share) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    public static boolean valid(double share) {
        return share >= 0 && share <= 1;
    }
}
