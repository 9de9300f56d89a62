package io.churnwatch.registry;

import java.util.Objects;

/** One fact the registry keeps: a schema version of a subject, or a compatibility level. */
public sealed interface StoreRecord {

    /** Version {@code version} of {@code subject} is the schema with global id {@code id}, as registered. */
    record SchemaVersion(String subject, int version, int id, String schema) implements StoreRecord {
        public SchemaVersion {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(schema, "schema");
            if (version < 1 || id < 1) {
                throw new IllegalArgumentException("version and id start at 1, got version " + version + ", id " + id);
            }
        }
    }

    /**
     * The compatibility level of a subject, or the global level when {@code subject} is null. A null
     * {@code level} removes the setting (the subject falls back to the global level).
     */
    record CompatibilityChange(String subject, CompatibilityLevel level) implements StoreRecord {
        public boolean isGlobal() {
            return subject == null;
        }
    }
}
