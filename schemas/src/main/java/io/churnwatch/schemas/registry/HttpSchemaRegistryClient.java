package io.churnwatch.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of a Confluent-API schema registry over HTTP (ours in embedded mode, or Confluent's).
 *
 * <p>{@code baseUrls} may list several registries separated by commas; the next one is tried when one cannot be
 * reached. Ids never change meaning, so id-to-schema and (subject, schema)-to-id answers are cached for the
 * client's lifetime.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(HttpSchemaRegistryClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, HttpSchemaRegistryClient> SHARED = new ConcurrentHashMap<>();

    private final List<String> baseUrls;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private volatile int preferredUrl;

    public HttpSchemaRegistryClient(String baseUrls) {
        this(baseUrls, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public HttpSchemaRegistryClient(String baseUrls, Duration connectTimeout, Duration requestTimeout) {
        this.baseUrls = parseUrls(baseUrls);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * One client per URL for the whole JVM: serdes are created per task and per topic, and each
     * {@link HttpClient} has its own selector thread and this client its own caches.
     */
    public static HttpSchemaRegistryClient shared(String baseUrls) {
        return SHARED.computeIfAbsent(baseUrls.trim(), HttpSchemaRegistryClient::new);
    }

    private static List<String> parseUrls(String baseUrls) {
        if (baseUrls == null || baseUrls.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is not set");
        }
        List<String> urls = Arrays.stream(baseUrls.split(","))
                .map(String::trim)
                .filter(u -> !u.isEmpty())
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .toList();
        for (String url : urls) {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("schema.registry.url must be http(s)://host:port or mock://scope, got '"
                        + url + "'");
            }
        }
        return urls;
    }

    public List<String> baseUrls() {
        return baseUrls;
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(key.schemaText()));
        int id = requiredInt(answer, "id");
        remember(key, id, schema);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema.toString());
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + encode(subject), schemaBody(key.schemaText()));
        int id = requiredInt(answer, "id");
        remember(key, id, schema);
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null);
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw new SchemaRegistryException(200, SchemaRegistryException.STORE_ERROR,
                    "Schema registry answered GET /schemas/ids/" + id + " without a 'schema' string: " + answer);
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
                    "Schema " + id + " from the registry is not valid Avro: " + e.getMessage(), e);
        }
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    private void remember(SubjectSchema key, int id, Schema schema) {
        idsBySubjectSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
    }

    private static String schemaBody(String schemaText) {
        return JSON.createObjectNode().put("schema", schemaText).toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int requiredInt(JsonNode answer, String field) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new SchemaRegistryException(200, SchemaRegistryException.STORE_ERROR,
                    "Schema registry answer has no integer '" + field + "': " + answer);
        }
        return value.asInt();
    }

    /** Sends to the preferred registry, moving on to the next one only when a registry cannot be reached. */
    private JsonNode send(String method, String path, String body) {
        SchemaRegistryException lastUnreachable = null;
        int start = preferredUrl;
        for (int i = 0; i < baseUrls.size(); i++) {
            int index = (start + i) % baseUrls.size();
            try {
                JsonNode answer = sendTo(baseUrls.get(index), method, path, body);
                preferredUrl = index;
                return answer;
            } catch (SchemaRegistryException e) {
                if (e.httpStatus() != 0) {
                    throw e;
                }
                lastUnreachable = e;
                if (baseUrls.size() > 1) {
                    LOG.warn("{}; trying the next registry", e.getMessage());
                }
            }
        }
        throw lastUnreachable;
    }

    private JsonNode sendTo(String baseUrl, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw SchemaRegistryException.unreachable("Schema registry at " + baseUrl + " did not answer "
                    + method + " " + path + " within " + requestTimeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw SchemaRegistryException.unreachable("Schema registry at " + baseUrl + " is unreachable ("
                    + describe(e) + "): is it running, and is schema.registry.url right?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SchemaRegistryException.unreachable("Interrupted while calling the schema registry at " + baseUrl, e);
        }
        return parse(response, method + " " + baseUrl + path);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            message = cause.getMessage();
        }
        String kind = e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }

    private static JsonNode parse(HttpResponse<String> response, String call) {
        int status = response.statusCode();
        JsonNode json = null;
        try {
            json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            // Not JSON (a proxy's HTML page, say): reported below with the raw body.
        }
        if (status >= 200 && status < 300) {
            if (json == null || !json.isObject()) {
                throw new SchemaRegistryException(status, SchemaRegistryException.STORE_ERROR,
                        call + " answered " + status + " with a body that is not a JSON object: " + abbreviate(response.body()));
            }
            return json;
        }
        if (json != null && json.has("error_code")) {
            int code = json.get("error_code").asInt(status);
            String message = json.path("message").asText("");
            throw new SchemaRegistryException(status, code,
                    "Schema registry error " + code + " (HTTP " + status + ") on " + call + ": " + message);
        }
        throw new SchemaRegistryException(status, status,
                "Schema registry answered HTTP " + status + " on " + call + ": " + abbreviate(response.body()));
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    private record SubjectSchema(String subject, String schemaText) {
    }
}
