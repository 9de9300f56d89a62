package io.churnwatch.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.churnwatch.registry.StoreRecord.SchemaVersion;
import io.churnwatch.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over a {@link SchemaRegistryService}, free of any HTTP server: a request
 * is a method, a raw path, a raw query and a body; the answer is a status and a JSON body. The JDK server
 * ({@link RegistryHttpServer}) and, later, the serving application's controllers both only translate to this.
 *
 * <p>Errors are Confluent's {@code {"error_code": ..., "message": ...}} with its codes and statuses.
 */
public final class RegistryApi {

    /** Confluent's content type; plain {@code application/json} is accepted and answered too. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: HTTP status and JSON body. */
    public record Response(int status, String body) {
    }

    private final SchemaRegistryService service;

    public RegistryApi(SchemaRegistryService service) {
        this.service = service;
    }

    /**
     * Answers one request.
     *
     * @param rawPath  the path as sent, still percent-encoded (subjects may contain any character)
     * @param rawQuery the query string as sent, or null
     * @param body     the request body, empty or null when there is none
     */
    public Response handle(String method, String rawPath, String rawQuery, byte[] body) {
        try {
            List<String> path = Arrays.stream(rawPath.split("/")).filter(s -> !s.isEmpty())
                    .map(RegistryApi::decode).toList();
            JsonNode answer = route(method.toUpperCase(), path, rawPath, query(rawQuery), body);
            return new Response(200, JSON.writeValueAsString(answer));
        } catch (SchemaRegistryException e) {
            return error(e.httpStatus(), e.errorCode(), e.getMessage());
        } catch (RuntimeException | JsonProcessingException e) {
            LOG.error("Unexpected failure answering {} {}", method, rawPath, e);
            return error(500, RegistryErrors.INTERNAL_ERROR, "Internal error: " + e);
        }
    }

    private JsonNode route(String method, List<String> p, String rawPath, Map<String, String> query, byte[] body) {
        int n = p.size();
        String root = n == 0 ? "" : p.get(0);
        switch (root) {
            case "" -> {
                allow(method, rawPath, "GET");
                return JSON.createObjectNode();
            }
            case "subjects" -> {
                if (n == 1) {
                    allow(method, rawPath, "GET");
                    return array(service.subjects());
                }
                String subject = p.get(1);
                if (n == 2) {
                    allow(method, rawPath, "POST");
                    return describe(service.lookup(subject, schemaText(body)));
                }
                if (p.get(2).equals("versions")) {
                    if (n == 3) {
                        allow(method, rawPath, "GET", "POST");
                        return method.equals("GET") ? array(service.versions(subject))
                                : JSON.createObjectNode().put("id", service.register(subject, schemaText(body)));
                    }
                    if (n == 4) {
                        allow(method, rawPath, "GET");
                        return describe(service.version(subject, p.get(3)));
                    }
                    if (n == 5 && p.get(4).equals("schema")) {
                        allow(method, rawPath, "GET");
                        return readJson(service.version(subject, p.get(3)).schema().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            case "schemas" -> {
                if (n == 3 && p.get(1).equals("ids")) {
                    allow(method, rawPath, "GET");
                    return JSON.createObjectNode().put("schema", service.schemaById(parseId(p.get(2))));
                }
            }
            case "config" -> {
                if (n <= 2) {
                    return config(method, rawPath, n == 2 ? p.get(1) : null, query, body);
                }
            }
            case "compatibility" -> {
                if ((n == 4 || n == 5) && p.get(1).equals("subjects") && p.get(3).equals("versions")) {
                    allow(method, rawPath, "POST");
                    List<String> problems = service.compatibilityProblems(p.get(2), n == 5 ? p.get(4) : null,
                            schemaText(body));
                    ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
                    if (Boolean.parseBoolean(query.get("verbose"))) {
                        answer.set("messages", array(problems));
                    }
                    return answer;
                }
            }
            default -> {
                // Falls through to "no such endpoint".
            }
        }
        throw RegistryErrors.routeNotFound(method, rawPath);
    }

    private JsonNode config(String method, String rawPath, String subject, Map<String, String> query, byte[] body) {
        allow(method, rawPath, subject == null ? new String[] {"GET", "PUT"} : new String[] {"GET", "PUT", "DELETE"});
        switch (method) {
            case "PUT" -> {
                CompatibilityLevel level = compatibilityLevel(body);
                if (subject == null) {
                    service.setGlobalCompatibility(level);
                } else {
                    service.setSubjectCompatibility(subject, level);
                }
                return JSON.createObjectNode().put("compatibility", level.name());
            }
            case "DELETE" -> {
                CompatibilityLevel previous = service.subjectCompatibility(subject)
                        .orElseThrow(() -> RegistryErrors.subjectLevelNotConfigured(subject));
                service.setSubjectCompatibility(subject, null);
                return levelAnswer(previous);
            }
            default -> {
                if (subject == null) {
                    return levelAnswer(service.globalCompatibility());
                }
                CompatibilityLevel level = Boolean.parseBoolean(query.get("defaultToGlobal"))
                        ? service.effectiveCompatibility(subject)
                        : service.subjectCompatibility(subject)
                                .orElseThrow(() -> RegistryErrors.subjectLevelNotConfigured(subject));
                return levelAnswer(level);
            }
        }
    }

    /** Confluent answers GET /config with "compatibilityLevel"; "compatibility" (the PUT spelling) is added for symmetry. */
    private static ObjectNode levelAnswer(CompatibilityLevel level) {
        return JSON.createObjectNode().put("compatibilityLevel", level.name()).put("compatibility", level.name());
    }

    private static CompatibilityLevel compatibilityLevel(byte[] body) {
        JsonNode json = requestObject(body);
        JsonNode level = json.hasNonNull("compatibility") ? json.get("compatibility") : json.get("compatibilityLevel");
        if (level == null || !level.isTextual()) {
            throw RegistryErrors.invalidCompatibilityLevel(
                    "The body must be {\"compatibility\": \"<level>\"}, e.g. {\"compatibility\": \"BACKWARD\"}.");
        }
        try {
            return CompatibilityLevel.parse(level.asText());
        } catch (IllegalArgumentException e) {
            throw RegistryErrors.invalidCompatibilityLevel(e.getMessage());
        }
    }

    private static String schemaText(byte[] body) {
        JsonNode json = requestObject(body);
        JsonNode type = json.get("schemaType");
        if (type != null && !type.isNull() && !type.asText().equalsIgnoreCase("AVRO")) {
            throw RegistryErrors.invalidSchema("Unsupported schemaType '" + type.asText()
                    + "': this registry serves Avro schemas only.");
        }
        JsonNode references = json.get("references");
        if (references != null && references.isArray() && !references.isEmpty()) {
            throw RegistryErrors.invalidSchema("Schema references are not supported: inline the referenced types"
                    + " into one self-contained schema.");
        }
        JsonNode schema = json.get("schema");
        if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
            throw RegistryErrors.invalidSchema("The body must be {\"schema\": \"<Avro schema as a JSON string>\"}.");
        }
        return schema.asText();
    }

    private static JsonNode requestObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw RegistryErrors.badRequest("The request has no body; a JSON object is expected.");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RegistryErrors.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryErrors.badRequest("The request body could not be read: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw RegistryErrors.badRequest("The request body must be a JSON object.");
        }
        return json;
    }

    private static JsonNode readJson(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored schema is not JSON", e);
        }
    }

    private static ObjectNode describe(SchemaVersion v) {
        return JSON.createObjectNode().put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                .put("schema", v.schema());
    }

    private static ArrayNode array(List<?> items) {
        ArrayNode array = JSON.createArrayNode();
        items.forEach(item -> array.add(JSON.valueToTree(item)));
        return array;
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryErrors.schemaNotFound("Schema " + text + " not found (ids are integers).");
        }
    }

    private static void allow(String method, String rawPath, String... allowed) {
        if (!Arrays.asList(allowed).contains(method)) {
            throw RegistryErrors.methodNotAllowed(method, rawPath);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                } else if (!pair.isEmpty()) {
                    query.put(decode(pair), "true");
                }
            }
        }
        return query;
    }

    /** Percent-decoding of a path segment: unlike a form, '+' stays a plus sign. */
    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A Confluent-style error answer. */
    static Response error(int status, int code, String message) {
        return new Response(status, JSON.createObjectNode().put("error_code", code).put("message", message).toString());
    }
}
