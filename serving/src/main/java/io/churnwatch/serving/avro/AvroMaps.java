package io.churnwatch.serving.avro;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro records as plain JSON-ready maps, in schema field order: instants as ISO-8601 text, strings as strings,
 * nested records as maps. Bytes fields (model blobs) are left out: they mean nothing in a JSON answer.
 */
public final class AvroMaps {

    private AvroMaps() {
    }

    public static Map<String, Object> toMap(GenericRecord record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value instanceof ByteBuffer) {
                continue;
            }
            map.put(field.name(), plain(value));
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof GenericRecord nested) {
            return toMap(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (value instanceof Map<?, ?> entries) {
            Map<String, Object> copy = new LinkedHashMap<>();
            entries.forEach((k, v) -> copy.put(k.toString(), plain(v)));
            return copy;
        }
        return value.toString();
    }
}
