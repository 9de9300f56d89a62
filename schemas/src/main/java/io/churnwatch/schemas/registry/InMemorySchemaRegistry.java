package io.churnwatch.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A schema registry held in memory, shared by everything in the JVM that names the same scope
 * ({@code schema.registry.url=mock://<scope>}): a serializer and a deserializer configured separately still
 * agree on ids. For tests and {@code TopologyTestDriver}; it applies no compatibility rule.
 *
 * <p>Like Confluent's registry, ids are global within the scope and the same schema text always gets the same
 * id, whichever subject it is registered under.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final Map<String, List<Integer>> idsBySubject = new HashMap<>();
    private int nextId = 1;

    private InMemorySchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry of this scope, created on first use. */
    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, InMemorySchemaRegistry::new);
    }

    /** Forgets a scope, so that the next {@link #scope} call starts empty (ids from 1 again). */
    public static void reset(String scope) {
        SCOPES.remove(scope);
    }

    public String scopeName() {
        return scope;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        String text = schema.toString();
        Integer id = idsBySchemaText.get(text);
        if (id == null) {
            id = nextId++;
            idsBySchemaText.put(text, id);
            schemasById.put(id, schema);
        }
        List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        List<Integer> versions = idsBySubject.get(subject);
        if (versions == null) {
            throw SchemaRegistryException.subjectNotFound(subject);
        }
        Integer id = idsBySchemaText.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            throw SchemaRegistryException.schemaNotFound(
                    "Schema " + schema.getFullName() + " is not registered under subject '" + subject + "'.");
        }
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw SchemaRegistryException.schemaNotFound("Schema " + id + " not found (scope mock://" + scope + ").");
        }
        return schema;
    }

    /** The subjects registered so far, in no particular order. */
    public synchronized List<String> subjects() {
        return List.copyOf(idsBySubject.keySet());
    }

    /** The schema ids registered under a subject, oldest first (version n is element n-1). */
    public synchronized List<Integer> versions(String subject) {
        return List.copyOf(idsBySubject.getOrDefault(subject, List.of()));
    }
}
