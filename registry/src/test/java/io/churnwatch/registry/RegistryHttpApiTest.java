package io.churnwatch.registry;

import static io.churnwatch.registry.SchemaRegistryServiceTest.V1;
import static io.churnwatch.registry.SchemaRegistryServiceTest.V2_WITHOUT_DEFAULT;
import static io.churnwatch.registry.SchemaRegistryServiceTest.V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.registry.RegistryHttp.Answer;
import io.churnwatch.schemas.registry.SchemaRegistryException;
import io.churnwatch.testing.KafkaClusterExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The REST subset over real HTTP, with the registry's state on a real broker. */
class RegistryHttpApiTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    static EmbeddedSchemaRegistry registry;
    static RegistryHttp http;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers(), 0);
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void registersIdempotentlyAndSharesIdsAcrossSubjects() {
        Answer first = http.postSchema("/subjects/reg-a/versions", V1);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith(RegistryApi.CONTENT_TYPE);
        int id = first.json().get("id").asInt();

        assertThat(http.postSchema("/subjects/reg-a/versions", V1).json().get("id").asInt()).isEqualTo(id);
        assertThat(http.postSchema("/subjects/reg-b/versions", V1).json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/subjects/reg-a/versions").json()).hasSize(1);

        Answer byId = http.get("/schemas/ids/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().get("schema").asText()).isEqualTo(V1);
    }

    @Test
    void lookUpAndVersions() {
        int id1 = http.postSchema("/subjects/look/versions", V1).json().get("id").asInt();
        int id2 = http.postSchema("/subjects/look/versions", V2_WITH_DEFAULT).json().get("id").asInt();

        Answer found = http.postSchema("/subjects/look", V1);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("subject").asText()).isEqualTo("look");
        assertThat(found.json().get("version").asInt()).isEqualTo(1);
        assertThat(found.json().get("id").asInt()).isEqualTo(id1);
        assertThat(found.json().get("schema").asText()).isEqualTo(V1);

        assertThat(http.get("/subjects/look/versions").json().toString()).isEqualTo("[1,2]");
        Answer latest = http.get("/subjects/look/versions/latest");
        assertThat(latest.json().get("version").asInt()).isEqualTo(2);
        assertThat(latest.json().get("id").asInt()).isEqualTo(id2);
        assertThat(http.get("/subjects/look/versions/1").json().get("id").asInt()).isEqualTo(id1);
        assertThat(http.get("/subjects/look/versions/2/schema").json().get("fields")).hasSize(2);
        assertThat(http.get("/subjects").json().toString()).contains("\"look\"");
    }

    @Test
    void notFoundAnswersCarryConfluentErrorCodes() {
        http.postSchema("/subjects/nf/versions", V1);

        assertError(http.postSchema("/subjects/nf", "\"string\""), 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertError(http.postSchema("/subjects/nobody", V1), 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertError(http.get("/subjects/nobody/versions"), 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertError(http.get("/subjects/nf/versions/9"), 404, SchemaRegistryException.VERSION_NOT_FOUND);
        assertError(http.get("/subjects/nf/versions/zero"), 422, RegistryErrors.INVALID_VERSION);
        assertError(http.get("/schemas/ids/987654"), 404, SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertError(http.get("/no/such/endpoint"), 404, RegistryErrors.NOT_FOUND);
        assertError(http.send("DELETE", "/subjects", null, RegistryApi.CONTENT_TYPE), 405,
                RegistryErrors.METHOD_NOT_ALLOWED);
    }

    @Test
    void badRequestBodiesAreExplained() {
        Answer notJson = http.post("/subjects/bad/versions", "{\"schema\": ");
        assertError(notJson, 400, RegistryErrors.BAD_REQUEST);
        assertThat(notJson.json().get("message").asText()).contains("not valid JSON");

        assertError(http.post("/subjects/bad/versions", "{\"schemata\": \"x\"}"), 422,
                SchemaRegistryException.INVALID_SCHEMA);
        Answer invalid = http.postSchema("/subjects/bad/versions", "{\"type\": \"record\", \"name\": \"X\"}");
        assertError(invalid, 422, SchemaRegistryException.INVALID_SCHEMA);
        assertThat(invalid.json().get("message").asText()).contains("Invalid Avro schema");
        assertError(http.send("POST", "/subjects/bad/versions", "schema=x", "text/plain"), 415, 415);
        assertError(http.get("/subjects/bad/versions"), 404, SchemaRegistryException.SUBJECT_NOT_FOUND);
    }

    @Test
    void plainJsonIsAcceptedToo() {
        Answer answer = http.send("POST", "/subjects/plain/versions",
                RegistryHttp.JSON.createObjectNode().put("schema", "\"string\"").toString(), "application/json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").asInt()).isPositive();
    }

    @Test
    void subjectsWithReservedCharactersRoundTrip() {
        String subject = "odd subject/with+chars";
        String encoded = "odd%20subject%2Fwith%2Bchars";
        assertThat(http.postSchema("/subjects/" + encoded + "/versions", V1).status()).isEqualTo(200);
        assertThat(http.get("/subjects/" + encoded + "/versions/1").json().get("subject").asText()).isEqualTo(subject);
    }

    @Test
    void compatibilityIsEnforcedAndCanBeTested() {
        http.postSchema("/subjects/compat/versions", V1);

        Answer rejected = http.postSchema("/subjects/compat/versions", V2_WITHOUT_DEFAULT);
        assertError(rejected, 409, SchemaRegistryException.INCOMPATIBLE_SCHEMA);
        assertThat(rejected.json().get("message").asText()).contains("incompatible");

        Answer no = http.postSchema("/compatibility/subjects/compat/versions/latest", V2_WITHOUT_DEFAULT);
        assertThat(no.status()).isEqualTo(200);
        assertThat(no.json().get("is_compatible").asBoolean()).isFalse();
        Answer yes = http.postSchema("/compatibility/subjects/compat/versions/1?verbose=true", V2_WITH_DEFAULT);
        assertThat(yes.json().get("is_compatible").asBoolean()).isTrue();
        assertThat(yes.json().get("messages")).isEmpty();
        assertThat(http.postSchema("/compatibility/subjects/compat/versions", V2_WITH_DEFAULT)
                .json().get("is_compatible").asBoolean()).isTrue();
        assertError(http.postSchema("/compatibility/subjects/nobody/versions/latest", V1), 404,
                SchemaRegistryException.SUBJECT_NOT_FOUND);

        assertThat(http.postSchema("/subjects/compat/versions", V2_WITH_DEFAULT).status()).isEqualTo(200);
    }

    @Test
    void compatibilityLevelsGlobalAndPerSubject() {
        Answer global = http.get("/config");
        assertThat(global.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Answer set = http.put("/config/levels", "{\"compatibility\":\"NONE\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("compatibility").asText()).isEqualTo("NONE");
        assertThat(http.get("/config/levels").json().get("compatibilityLevel").asText()).isEqualTo("NONE");

        assertError(http.get("/config/unset-subject"), 404, RegistryErrors.SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED);
        assertThat(http.get("/config/unset-subject?defaultToGlobal=true").json().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD");
        assertError(http.put("/config/levels", "{\"compatibility\":\"SOMETIMES\"}"), 422,
                RegistryErrors.INVALID_COMPATIBILITY_LEVEL);

        // The subject's NONE lets an otherwise incompatible change through.
        http.postSchema("/subjects/levels/versions", V1);
        assertThat(http.postSchema("/subjects/levels/versions", V2_WITHOUT_DEFAULT).status()).isEqualTo(200);
    }

    @Test
    void everyChangeIsOnTheCompactedTopicBeforeTheAnswer() throws Exception {
        var admin = KAFKA.cluster().admin();
        TopicPartition partition = new TopicPartition("_schemas", 0);
        long before = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();

        assertThat(http.postSchema("/subjects/durable/versions", "{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}")
                .status()).isEqualTo(200);
        assertThat(http.put("/config/durable", "{\"compatibility\":\"FULL\"}").status()).isEqualTo(200);

        // No waiting: the writes were acknowledged before the registry answered.
        long after = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
        assertThat(after - before).isEqualTo(2);

        TopicDescription topic = admin.describeTopics(Set.of("_schemas")).allTopicNames().get().get("_schemas");
        assertThat(topic.partitions()).hasSize(1);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
        assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                .isEqualTo("compact");
    }

    static void assertError(Answer answer, int status, int code) {
        assertThat(answer.status()).as("status of " + answer.json()).isEqualTo(status);
        assertThat(answer.errorCode()).as("error_code of " + answer.json()).isEqualTo(code);
        assertThat(answer.json().get("message").asText()).isNotBlank();
    }
}
