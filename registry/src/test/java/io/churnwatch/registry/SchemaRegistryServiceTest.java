package io.churnwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.registry.SchemaRegistryException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryServiceTest {

    static final String V1 = """
            {"type":"record","name":"Customer","namespace":"t","fields":[{"name":"id","type":"string"}]}""";
    /** Adds a field with a default: new readers fill it in for old data (backward compatible). */
    static final String V2_WITH_DEFAULT = """
            {"type":"record","name":"Customer","namespace":"t","fields":[{"name":"id","type":"string"},
             {"name":"name","type":"string","default":"?"}]}""";
    /** Adds a field without a default: a new reader cannot read old data (not backward compatible). */
    static final String V2_WITHOUT_DEFAULT = """
            {"type":"record","name":"Customer","namespace":"t","fields":[{"name":"id","type":"string"},
             {"name":"age","type":"int"}]}""";

    private InMemorySchemaStore store;
    private SchemaRegistryService registry;

    @BeforeEach
    void setUp() {
        store = new InMemorySchemaStore();
        registry = SchemaRegistryService.open(store, CompatibilityLevel.BACKWARD);
    }

    @Test
    void idsAreGlobalAndAllocatedAsMaxPlusOne() {
        assertThat(registry.register("a-value", V1)).isEqualTo(1);
        assertThat(registry.register("a-value", V2_WITH_DEFAULT)).isEqualTo(2);
        assertThat(registry.register("b-value", "\"string\"")).isEqualTo(3);
        assertThat(registry.versions("a-value")).containsExactly(1, 2);
        assertThat(registry.subjects()).containsExactly("a-value", "b-value");
    }

    @Test
    void registeringTheSameSchemaAgainIsIdempotent() {
        int id = registry.register("a-value", V1);
        int writes = store.size();

        assertThat(registry.register("a-value", V1)).isEqualTo(id);
        // Whitespace and attribute order do not make a schema new.
        String reordered = """
                { "namespace" : "t", "name" : "Customer", "type" : "record",
                  "fields" : [ { "type" : "string", "name" : "id" } ] }""";
        assertThat(registry.register("a-value", reordered)).isEqualTo(id);

        assertThat(registry.versions("a-value")).containsExactly(1);
        assertThat(store.size()).as("no record written for a repeat registration").isEqualTo(writes);
    }

    @Test
    void theSameSchemaUnderAnotherSubjectReusesTheIdWithItsOwnVersion() {
        registry.register("a-value", "\"long\"");
        int shared = registry.register("b-value", V1);
        int again = registry.register("c-value", V1);

        assertThat(shared).isEqualTo(2);
        assertThat(again).isEqualTo(shared);
        assertThat(registry.version("c-value", "latest").version()).isEqualTo(1);
        assertThat(registry.version("c-value", "1").id()).isEqualTo(shared);
        assertThat(registry.register("d-value", "\"int\"")).as("a new schema after a reused id").isEqualTo(3);
    }

    @Test
    void returnsTheSchemaTextAsRegistered() {
        String spaced = "{ \"type\" : \"record\", \"name\" : \"Customer\", \"namespace\" : \"t\","
                + " \"fields\" : [ {\"name\":\"id\", \"type\":\"string\"} ] }";
        int id = registry.register("a-value", spaced);

        assertThat(registry.schemaById(id)).isEqualTo(spaced);
        assertThat(registry.version("a-value", "1").schema()).isEqualTo(spaced);
        assertThat(registry.lookup("a-value", V1).schema()).isEqualTo(spaced);
    }

    @Test
    void lookupFindsRegisteredSchemasAndReportsWhatIsMissing() {
        registry.register("a-value", V1);
        registry.register("a-value", V2_WITH_DEFAULT);

        StoreRecord.SchemaVersion found = registry.lookup("a-value", V1);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.id()).isEqualTo(1);

        assertError(() -> registry.lookup("nope", V1), 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertError(() -> registry.lookup("a-value", "\"string\""), 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertError(() -> registry.schemaById(99), 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
    }

    @Test
    void versionsByNumberOrLatest() {
        registry.register("a-value", V1);
        registry.register("a-value", V2_WITH_DEFAULT);

        assertThat(registry.version("a-value", "latest").version()).isEqualTo(2);
        assertThat(registry.version("a-value", "-1").id()).isEqualTo(2);
        assertThat(registry.version("a-value", "1").id()).isEqualTo(1);
        assertError(() -> registry.version("a-value", "3"), 404, SchemaRegistryException.VERSION_NOT_FOUND);
        assertError(() -> registry.version("a-value", "0"), 422, RegistryErrors.INVALID_VERSION);
        assertError(() -> registry.version("a-value", "first"), 422, RegistryErrors.INVALID_VERSION);
        assertError(() -> registry.versions("nope"), 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
    }

    @Test
    void rejectsTextThatIsNotAnAvroSchema() {
        assertError(() -> registry.register("a-value", "{\"type\":\"record\",\"name\":\"X\"}"), 422,
                SchemaRegistryException.INVALID_SCHEMA);
        assertError(() -> registry.register("a-value", "not json"), 422, SchemaRegistryException.INVALID_SCHEMA);
        assertError(() -> registry.register("a-value", ""), 422, SchemaRegistryException.INVALID_SCHEMA);
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void backwardRejectsANewFieldWithoutDefaultAndAcceptsOneWithDefault() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.register("a-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                    assertThat(e.getMessage()).contains("age").contains("BACKWARD");
                });
        assertThat(registry.versions("a-value")).containsExactly(1);

        assertThat(registry.compatibilityProblems("a-value", "latest", V2_WITH_DEFAULT)).isEmpty();
        assertThat(registry.compatibilityProblems("a-value", "latest", V2_WITHOUT_DEFAULT)).isNotEmpty();
        assertThat(registry.register("a-value", V2_WITH_DEFAULT)).isEqualTo(2);
    }

    @Test
    void forwardRejectsRemovingAFieldOldReadersNeed() {
        registry.setGlobalCompatibility(CompatibilityLevel.FORWARD);
        registry.register("a-value", V2_WITHOUT_DEFAULT);

        // Old readers need "age", which V1 data lacks and which has no default.
        assertError(() -> registry.register("a-value", V1), 409, SchemaRegistryException.INCOMPATIBLE_SCHEMA);
        // Adding a field is forward compatible: old readers ignore it.
        String withExtra = V2_WITHOUT_DEFAULT.replace("{\"name\":\"age\",\"type\":\"int\"}",
                "{\"name\":\"age\",\"type\":\"int\"},{\"name\":\"city\",\"type\":\"string\"}");
        assertThat(registry.register("a-value", withExtra)).isEqualTo(2);
    }

    @Test
    void fullNeedsBothDirections() {
        registry.setGlobalCompatibility(CompatibilityLevel.FULL);
        registry.register("a-value", V1);

        assertError(() -> registry.register("a-value", V2_WITHOUT_DEFAULT), 409,
                SchemaRegistryException.INCOMPATIBLE_SCHEMA);
        assertThat(registry.register("a-value", V2_WITH_DEFAULT)).isEqualTo(2);
    }

    @Test
    void transitiveChecksEveryEarlierVersionNotOnlyTheLatest() {
        registry.setSubjectCompatibility("a-value", CompatibilityLevel.NONE);
        registry.register("a-value", V1);
        registry.register("a-value", V2_WITHOUT_DEFAULT);
        // Same fields as version 2 plus a doc: reads version 2 data, but not version 1 data (no "age" there).
        String v3 = V2_WITHOUT_DEFAULT.replace("\"name\":\"Customer\"", "\"name\":\"Customer\",\"doc\":\"v3\"");

        registry.setSubjectCompatibility("a-value", CompatibilityLevel.BACKWARD_TRANSITIVE);
        assertError(() -> registry.register("a-value", v3), 409, SchemaRegistryException.INCOMPATIBLE_SCHEMA);
        assertThat(registry.compatibilityProblems("a-value", null, v3)).isNotEmpty();
        assertThat(registry.compatibilityProblems("a-value", "2", v3)).isEmpty();

        registry.setSubjectCompatibility("a-value", CompatibilityLevel.BACKWARD);
        assertThat(registry.register("a-value", v3)).isEqualTo(3);
    }

    @Test
    void noneAcceptsAnything() {
        registry.setSubjectCompatibility("a-value", CompatibilityLevel.NONE);
        registry.register("a-value", V1);
        assertThat(registry.register("a-value", "\"string\"")).isEqualTo(2);
    }

    @Test
    void subjectLevelOverridesTheGlobalOneAndCanBeRemoved() {
        assertThat(registry.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        registry.setSubjectCompatibility("a-value", CompatibilityLevel.NONE);

        assertThat(registry.subjectCompatibility("a-value")).contains(CompatibilityLevel.NONE);
        assertThat(registry.subjectCompatibility("b-value")).isEmpty();
        assertThat(registry.effectiveCompatibility("b-value")).isEqualTo(CompatibilityLevel.BACKWARD);

        registry.register("a-value", V1);
        registry.register("b-value", V1);
        assertThat(registry.register("a-value", V2_WITHOUT_DEFAULT)).isPositive();
        assertError(() -> registry.register("b-value", V2_WITHOUT_DEFAULT), 409,
                SchemaRegistryException.INCOMPATIBLE_SCHEMA);

        registry.setSubjectCompatibility("a-value", null);
        assertThat(registry.effectiveCompatibility("a-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void aRegistryReopenedOnTheSameStoreHasTheSameStateAndContinuesTheIds() {
        registry.register("a-value", V1);
        registry.register("a-value", V2_WITH_DEFAULT);
        registry.register("b-value", V1);
        registry.setGlobalCompatibility(CompatibilityLevel.FULL);
        registry.setSubjectCompatibility("b-value", CompatibilityLevel.NONE);

        SchemaRegistryService reopened = SchemaRegistryService.open(store, CompatibilityLevel.BACKWARD);

        assertThat(reopened.subjects()).containsExactly("a-value", "b-value");
        assertThat(reopened.versions("a-value")).containsExactly(1, 2);
        assertThat(reopened.lookup("b-value", V1).id()).isEqualTo(1);
        assertThat(reopened.schemaById(2)).isEqualTo(V2_WITH_DEFAULT);
        assertThat(reopened.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(reopened.subjectCompatibility("b-value")).contains(CompatibilityLevel.NONE);
        assertThat(reopened.register("c-value", "\"bytes\"")).isEqualTo(3);
    }

    static void assertError(Runnable call, int status, int code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
            assertThat(e.httpStatus()).as("HTTP status of: " + e.getMessage()).isEqualTo(status);
            assertThat(e.errorCode()).as("error code of: " + e.getMessage()).isEqualTo(code);
        });
    }
}
