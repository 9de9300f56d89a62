package io.churnwatch.serving.scoring;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.churnwatch.schemas.CustomerFeatures;

/**
 * Reads a feature vector to score from JSON: the fields of {@link CustomerFeatures} (exactly what
 * {@code GET /customers/{id}} shows as "features"), checked against the Avro schema field by field. Every
 * problem is collected, so the client sees all bad fields at once. {@code customerId} and {@code asOf} may be
 * left out (an ad-hoc id, the current time).
 */
public final class FeatureVectorReader {

    /** Fields that may be negative; every other number is a count, an amount, a rate or a duration. */
    private static final Set<String> SIGNED = Set.of("revenueTrend90d");
    private static final Schema SCHEMA = CustomerFeatures.getClassSchema();

    private FeatureVectorReader() {
    }

    /** The outcome: features when {@code problems} is empty. */
    public record Result(CustomerFeatures features, List<Map<String, String>> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Result read(JsonNode json, Instant now) {
        List<Map<String, String>> problems = new ArrayList<>();
        if (json == null || !json.isObject()) {
            problems.add(problem("(body)", "must be a JSON object of CustomerFeatures fields"));
            return new Result(null, problems);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (SCHEMA.getField(name) == null) {
                problems.add(problem(name, "unknown field"));
            }
        }
        CustomerFeatures features = new CustomerFeatures();
        for (Schema.Field field : SCHEMA.getFields()) {
            JsonNode value = json.get(field.name());
            Object converted = convert(field, value, now, problems);
            if (converted != null) {
                features.put(field.name(), converted);
            }
        }
        return new Result(problems.isEmpty() ? features : null, problems);
    }

    private static Object convert(Schema.Field field, JsonNode value, Instant now, List<Map<String, String>> problems) {
        String name = field.name();
        Schema schema = nonNull(field.schema());
        boolean nullable = field.schema().getType() == Schema.Type.UNION;
        if (value == null || value.isNull()) {
            if (name.equals("customerId")) {
                return "ad-hoc";
            }
            if (name.equals("asOf")) {
                return now;
            }
            if (nullable) {
                return null;
            }
            if (field.hasDefaultValue()) {
                return field.defaultVal() == null ? null : field.defaultVal().toString();
            }
            problems.add(problem(name, "is required"));
            return null;
        }
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return instant(name, value, problems);
        }
        return switch (schema.getType()) {
            case STRING -> value.isTextual() ? value.asText() : fail(problems, name, "must be a string");
            case INT -> value.canConvertToInt() && value.isIntegralNumber()
                    ? checkSign(name, value.intValue(), problems) : fail(problems, name, "must be an integer");
            case LONG -> value.isIntegralNumber() && value.canConvertToLong()
                    ? checkSign(name, value.longValue(), problems) : fail(problems, name, "must be an integer");
            case DOUBLE -> value.isNumber() && Double.isFinite(value.doubleValue())
                    ? checkSign(name, value.doubleValue(), problems) : fail(problems, name, "must be a finite number");
            default -> fail(problems, name, "cannot be given in a request");
        };
    }

    private static Instant instant(String name, JsonNode value, List<Map<String, String>> problems) {
        if (value.isIntegralNumber()) {
            return Instant.ofEpochMilli(value.longValue());
        }
        if (value.isTextual()) {
            try {
                return Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                // falls through to the problem below
            }
        }
        problems.add(problem(name, "must be an ISO-8601 instant such as 2011-09-01T00:00:00Z (or epoch milliseconds)"));
        return null;
    }

    private static <T extends Number> T checkSign(String name, T number, List<Map<String, String>> problems) {
        if (!SIGNED.contains(name) && number.doubleValue() < 0) {
            problems.add(problem(name, "must not be negative"));
            return null;
        }
        if (name.equals("revenueTrend90d") && Math.abs(number.doubleValue()) > 1) {
            problems.add(problem(name, "must lie in [-1, 1]"));
            return null;
        }
        return number;
    }

    private static Object fail(List<Map<String, String>> problems, String name, String message) {
        problems.add(problem(name, message));
        return null;
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }

    private static Map<String, String> problem(String field, String message) {
        Map<String, String> problem = new LinkedHashMap<>();
        problem.put("field", field);
        problem.put("message", message);
        return problem;
    }
}
