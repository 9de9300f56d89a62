package io.churnwatch.registry;

import io.churnwatch.registry.StoreRecord.CompatibilityChange;
import io.churnwatch.registry.StoreRecord.SchemaVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's logic, without HTTP or Kafka: subjects, their versions, global schema ids and compatibility
 * levels, with Confluent's semantics.
 *
 * <ul>
 *   <li>Ids are global: the same schema (by {@link AvroSchemas#canonical normalised form}) has one id under every
 *       subject; a new schema gets the highest id so far plus one.</li>
 *   <li>Registering a schema a subject already has returns its id and adds no version.</li>
 *   <li>Every change is written to the {@link SchemaStore} before the state changes or the caller hears back, so
 *       an answered registration survives a restart.</li>
 * </ul>
 *
 * <p>Single writer: ids are allocated in this process, so two registries writing to one store could hand out the
 * same id. The embedded (one-machine) mode runs exactly one. Methods are synchronized: registrations are rare, and
 * look-ups are served from memory.
 */
public final class SchemaRegistryService {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryService.class);

    private final SchemaStore store;
    private final CompatibilityLevel defaultLevel;
    private final Map<String, List<SchemaVersion>> versionsBySubject = new TreeMap<>();
    private final Map<Integer, String> schemaTextById = new HashMap<>();
    private final Map<Integer, Schema> parsedById = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    private SchemaRegistryService(SchemaStore store, CompatibilityLevel defaultLevel) {
        this.store = store;
        this.defaultLevel = defaultLevel;
    }

    /**
     * Rebuilds the registry from everything in the store.
     *
     * @param defaultLevel the global level until one is set through the API (Confluent's default is BACKWARD)
     */
    public static SchemaRegistryService open(SchemaStore store, CompatibilityLevel defaultLevel) {
        SchemaRegistryService service = new SchemaRegistryService(store, defaultLevel);
        List<StoreRecord> records = store.readAll();
        records.forEach(service::apply);
        LOG.info("Schema registry state rebuilt from {} record(s): {} subject(s), {} schema id(s), highest id {}",
                records.size(), service.versionsBySubject.size(), service.schemaTextById.size(), service.maxId);
        return service;
    }

    /** Registers {@code schemaText} under {@code subject} (idempotent) and returns its global id. */
    public synchronized int register(String subject, String schemaText) {
        Schema schema = AvroSchemas.parse(schemaText);
        String canonical = AvroSchemas.canonical(schema);
        Integer existingId = idByCanonical.get(canonical);
        List<SchemaVersion> history = versionsBySubject.getOrDefault(subject, List.of());
        if (existingId != null && history.stream().anyMatch(v -> v.id() == existingId)) {
            return existingId;
        }
        CompatibilityLevel level = effectiveCompatibility(subject);
        List<String> problems = CompatibilityChecker.incompatibilities(level, schema, parsed(history));
        if (!problems.isEmpty()) {
            throw RegistryErrors.incompatible("Schema being registered is incompatible with an earlier schema for"
                    + " subject '" + subject + "' (compatibility " + level + "): " + String.join("; ", problems));
        }
        int id = existingId != null ? existingId : maxId + 1;
        int version = history.isEmpty() ? 1 : history.get(history.size() - 1).version() + 1;
        write(new SchemaVersion(subject, version, id, schemaText));
        LOG.info("Registered schema id {} as version {} of subject '{}'", id, version, subject);
        return id;
    }

    /**
     * The version of {@code subject} that is {@code schemaText}.
     *
     * @throws io.churnwatch.schemas.registry.SchemaRegistryException 40401 for an unknown subject, 40403 when the
     *         subject does not have this schema
     */
    public synchronized SchemaVersion lookup(String subject, String schemaText) {
        List<SchemaVersion> history = history(subject);
        String canonical = AvroSchemas.canonical(AvroSchemas.parse(schemaText));
        Integer id = idByCanonical.get(canonical);
        return history.stream()
                .filter(v -> id != null && v.id() == id)
                .findFirst()
                .orElseThrow(() -> RegistryErrors.schemaNotFound("Schema not found under subject '" + subject + "'."));
    }

    /** The schema with this id, as it was first registered; 40403 if none has it. */
    public synchronized String schemaById(int id) {
        String text = schemaTextById.get(id);
        if (text == null) {
            throw RegistryErrors.schemaNotFound("Schema " + id + " not found.");
        }
        return text;
    }

    /** Every subject with at least one version, sorted. */
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    /** The version numbers of a subject, ascending; 40401 for an unknown subject. */
    public synchronized List<Integer> versions(String subject) {
        return history(subject).stream().map(SchemaVersion::version).toList();
    }

    /** A version of a subject: a number or "latest" (or -1); 40401, 40402 or 42202 when there is none. */
    public synchronized SchemaVersion version(String subject, String versionSpec) {
        List<SchemaVersion> history = history(subject);
        int wanted = parseVersion(versionSpec);
        if (wanted == -1) {
            return history.get(history.size() - 1);
        }
        return history.stream().filter(v -> v.version() == wanted).findFirst()
                .orElseThrow(() -> RegistryErrors.versionNotFound(subject, wanted));
    }

    /**
     * Why {@code schemaText} could not follow {@code subject} under its compatibility level; empty when it could.
     *
     * @param versionSpec a version number or "latest" to check against that version alone (transitive levels
     *                    included, as Confluent does for an explicit version), or null for every version the
     *                    level names
     */
    public synchronized List<String> compatibilityProblems(String subject, String versionSpec, String schemaText) {
        Schema candidate = AvroSchemas.parse(schemaText);
        List<SchemaVersion> history = history(subject);
        CompatibilityLevel level = effectiveCompatibility(subject);
        if (versionSpec == null) {
            return CompatibilityChecker.incompatibilities(level, candidate, parsed(history));
        }
        SchemaVersion against = version(subject, versionSpec);
        return CompatibilityChecker.incompatibilities(level, candidate, List.of(parsedById.get(against.id())));
    }

    public synchronized CompatibilityLevel globalCompatibility() {
        return globalLevel != null ? globalLevel : defaultLevel;
    }

    public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
        write(new CompatibilityChange(null, level));
    }

    /** The level set on this subject itself, if any. */
    public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        write(new CompatibilityChange(subject, level));
    }

    /** The level that applies to a subject: its own, or else the global one. */
    public synchronized CompatibilityLevel effectiveCompatibility(String subject) {
        return subjectCompatibility(subject).orElseGet(this::globalCompatibility);
    }

    private void write(StoreRecord record) {
        store.append(record);
        apply(record);
    }

    private void apply(StoreRecord record) {
        if (record instanceof SchemaVersion v) {
            applySchemaVersion(v);
        } else {
            CompatibilityChange change = (CompatibilityChange) record;
            if (change.isGlobal()) {
                globalLevel = change.level();
            } else if (change.level() == null) {
                subjectLevels.remove(change.subject());
            } else {
                subjectLevels.put(change.subject(), change.level());
            }
        }
    }

    private void applySchemaVersion(SchemaVersion v) {
        Schema schema;
        try {
            schema = AvroSchemas.parse(v.schema());
        } catch (RuntimeException e) {
            LOG.warn("Skipping version {} of '{}' (id {}): its schema does not parse: {}", v.version(), v.subject(),
                    v.id(), e.getMessage());
            return;
        }
        List<SchemaVersion> history = versionsBySubject.computeIfAbsent(v.subject(), s -> new ArrayList<>());
        history.removeIf(existing -> existing.version() == v.version());
        history.add(v);
        history.sort((a, b) -> Integer.compare(a.version(), b.version()));
        schemaTextById.putIfAbsent(v.id(), v.schema());
        parsedById.putIfAbsent(v.id(), schema);
        idByCanonical.putIfAbsent(AvroSchemas.canonical(schema), v.id());
        maxId = Math.max(maxId, v.id());
    }

    private List<SchemaVersion> history(String subject) {
        List<SchemaVersion> history = versionsBySubject.get(subject);
        if (history == null || history.isEmpty()) {
            throw RegistryErrors.subjectNotFound(subject);
        }
        return history;
    }

    private List<Schema> parsed(List<SchemaVersion> history) {
        return history.stream().map(v -> parsedById.get(v.id())).toList();
    }

    private static int parseVersion(String versionSpec) {
        if ("latest".equalsIgnoreCase(versionSpec) || "-1".equals(versionSpec)) {
            return -1;
        }
        try {
            int version = Integer.parseInt(versionSpec);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // Reported below together with the out-of-range case.
        }
        throw RegistryErrors.invalidVersion(versionSpec);
    }
}
