package io.churnwatch.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Confluent's compatibility levels: which earlier versions of a subject a new schema is checked against, and in
 * which direction.
 *
 * <ul>
 *   <li>BACKWARD: the new schema can read data written with the latest version (consumers upgrade first).</li>
 *   <li>FORWARD: data written with the new schema can be read with the latest version (producers upgrade first).</li>
 *   <li>FULL: both.</li>
 *   <li>*_TRANSITIVE: the same against every earlier version, not only the latest.</li>
 *   <li>NONE: no check.</li>
 * </ul>
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** The new schema, as reader, must read data written with the earlier one. */
    public boolean newMustReadOld() {
        return newReadsOld;
    }

    /** The earlier schema, as reader, must read data written with the new one. */
    public boolean oldMustReadNew() {
        return oldReadsNew;
    }

    /** Checked against every earlier version rather than the latest only. */
    public boolean isTransitive() {
        return transitive;
    }

    /**
     * Parses a level name as clients send it (case-insensitive).
     *
     * @throws IllegalArgumentException naming the accepted levels
     */
    public static CompatibilityLevel parse(String text) {
        if (text != null) {
            String name = text.trim().toUpperCase(Locale.ROOT);
            for (CompatibilityLevel level : values()) {
                if (level.name().equals(name)) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("Invalid compatibility level '" + text + "'; valid levels are "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
