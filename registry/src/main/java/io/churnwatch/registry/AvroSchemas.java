package io.churnwatch.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parsing schema text as clients send it, and the normalised form that decides whether two schemas are one. */
final class AvroSchemas {

    private AvroSchemas() {
    }

    /**
     * Parses one self-contained Avro schema.
     *
     * @throws io.churnwatch.schemas.registry.SchemaRegistryException 42201 when the text is not a valid schema
     */
    static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryErrors.invalidSchema("Invalid schema: the 'schema' field is missing or empty.");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException | NullPointerException | IllegalArgumentException e) {
            // Avro reports some malformed input (e.g. a field without a type) as NPE or IAE rather than a parse error.
            throw RegistryErrors.invalidSchema("Invalid Avro schema: " + e.getMessage());
        }
    }

    /**
     * The identity of a schema: Avro's own JSON rendering of the parsed schema. Unlike the parsing canonical form it
     * keeps defaults, docs, aliases and logical types (two schemas that differ in a default are different versions),
     * while whitespace, attribute order and namespace spelling no longer matter. Confluent's registry uses the same.
     */
    static String canonical(Schema schema) {
        return schema.toString();
    }
}
