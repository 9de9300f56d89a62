package io.churnwatch.schemas.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, read from a Kafka client or Streams configuration map. Names follow Confluent's so the
 * same configuration works with either serde.
 *
 * <ul>
 *   <li>{@value #SCHEMA_REGISTRY_URL}: {@code http://host:port} (several separated by commas) or
 *       {@code mock://scope}. Required unless a client was given to the constructor.</li>
 *   <li>{@value #AUTO_REGISTER_SCHEMAS}: default {@code true}. When {@code false} the serializer only looks the
 *       schema up, so producers cannot change a subject by accident.</li>
 *   <li>{@value #SPECIFIC_AVRO_VALUE_TYPE} / {@value #SPECIFIC_AVRO_KEY_TYPE}: the generated class to read
 *       values (keys) as, e.g. {@code io.churnwatch.schemas.OrderEvent}. Required by the deserializer unless
 *       given to the constructor.</li>
 * </ul>
 */
public record AvroSerdeConfig(String registryUrl, Boolean autoRegister, Class<? extends SpecificRecord> type) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

    /**
     * Reads the settings for a key ({@code isKey}) or value serde. Absent settings come back null, so that
     * configuring a serde built with a client and a type keeps what the constructor was given.
     */
    public static AvroSerdeConfig from(Map<String, ?> configs, boolean isKey) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        String registryUrl = url == null || url.toString().isBlank() ? null : url.toString().trim();
        Boolean autoRegister = parseBoolean(configs.get(AUTO_REGISTER_SCHEMAS));
        String typeKey = isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE;
        return new AvroSerdeConfig(registryUrl, autoRegister, parseType(typeKey, configs.get(typeKey)));
    }

    private static Boolean parseBoolean(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException(AUTO_REGISTER_SCHEMAS, value, "must be true or false");
    }

    private static Class<? extends SpecificRecord> parseType(String key, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        Class<?> type;
        if (value instanceof Class<?> c) {
            type = c;
        } else {
            try {
                type = Class.forName(value.toString().trim(), true, contextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ConfigException(key, value, "no such class on the classpath");
            }
        }
        if (!SpecificRecord.class.isAssignableFrom(type)) {
            throw new ConfigException(key, value, "not a generated Avro class (does not implement SpecificRecord)");
        }
        return type.asSubclass(SpecificRecord.class);
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : AvroSerdeConfig.class.getClassLoader();
    }
}
