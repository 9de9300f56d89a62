package io.churnwatch.registry;

import static io.churnwatch.registry.SchemaRegistryServiceTest.V1;
import static io.churnwatch.registry.SchemaRegistryServiceTest.V2_WITH_DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.broker.BrokerSettings;
import io.churnwatch.broker.KafkaBrokerProcess;
import io.churnwatch.registry.RegistryHttp.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids survive a restart of the registry AND of the broker under it: the state lives only in the {@code _schemas}
 * topic on the broker's disk, and the registry rebuilds itself from it.
 */
class RegistryRestartTest {

    private static final String ENUM = """
            {"type":"enum","name":"Colour","namespace":"t","symbols":["RED","GREEN"]}""";
    private static final String NEW_AFTER_RESTART = """
            {"type":"record","name":"Later","namespace":"t","fields":[{"name":"x","type":"long"}]}""";

    /** subject -> schema text, in registration order. */
    private static final Map<String, String> REGISTRATIONS = new LinkedHashMap<>();

    static {
        REGISTRATIONS.put("customers-value|1", V1);
        REGISTRATIONS.put("customers-value|2", V2_WITH_DEFAULT);
        REGISTRATIONS.put("colours-value|1", ENUM);
        REGISTRATIONS.put("copy-value|1", V1);
        REGISTRATIONS.put("keys-key|1", "\"string\"");
    }

    @TempDir
    Path dataDir;

    @Test
    void idsVersionsAndConfigSurviveStoppingRegistryAndBroker() {
        BrokerSettings settings = BrokerSettings.defaults(dataDir.resolve("kafka"))
                .withClientPort(freePort()).withControllerPort(freePort());
        KafkaBrokerProcess broker = new KafkaBrokerProcess(settings);
        try {
            broker.start();
            Map<String, Integer> idsBefore = new LinkedHashMap<>();
            Map<Integer, String> schemasBefore = new LinkedHashMap<>();
            try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
                RegistryHttp http = new RegistryHttp(registry.url());
                REGISTRATIONS.forEach((key, schema) -> {
                    Answer answer = http.postSchema("/subjects/" + subject(key) + "/versions", schema);
                    assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
                    idsBefore.put(key, answer.json().get("id").asInt());
                });
                assertThat(http.put("/config/colours-value", "{\"compatibility\":\"FULL\"}").status()).isEqualTo(200);
                assertThat(http.put("/config", "{\"compatibility\":\"FORWARD\"}").status()).isEqualTo(200);
                for (int id : idsBefore.values()) {
                    schemasBefore.put(id, http.get("/schemas/ids/" + id).json().get("schema").asText());
                }
            }
            assertThat(idsBefore.get("copy-value|1")).as("same schema, another subject").isEqualTo(idsBefore.get("customers-value|1"));
            assertThat(schemasBefore).hasSize(4);

            broker.stop();
            assertThat(broker.isAlive()).isFalse();
            broker.start();

            try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0)) {
                RegistryHttp http = new RegistryHttp(registry.url());
                REGISTRATIONS.forEach((key, schema) -> {
                    Answer found = http.postSchema("/subjects/" + subject(key), schema);
                    assertThat(found.status()).as("look-up of " + key + ": " + found.json()).isEqualTo(200);
                    assertThat(found.json().get("id").asInt()).as(key).isEqualTo(idsBefore.get(key));
                    assertThat(found.json().get("version").asInt()).as(key).isEqualTo(version(key));
                });
                schemasBefore.forEach((id, schema) ->
                        assertThat(http.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo(schema));
                assertThat(http.get("/subjects").json().toString())
                        .isEqualTo("[\"colours-value\",\"copy-value\",\"customers-value\",\"keys-key\"]");
                assertThat(http.get("/config/colours-value").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
                assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FORWARD");

                // Registering a known schema again changes nothing; a new one continues after the highest id.
                assertThat(http.postSchema("/subjects/customers-value/versions", V1).json().get("id").asInt())
                        .isEqualTo(idsBefore.get("customers-value|1"));
                assertThat(http.get("/subjects/customers-value/versions").json().toString()).isEqualTo("[1,2]");
                int maxBefore = idsBefore.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
                Answer fresh = http.postSchema("/subjects/later-value/versions", NEW_AFTER_RESTART);
                assertThat(fresh.json().get("id").asInt()).isEqualTo(maxBefore + 1);
            }
        } finally {
            broker.stop();
        }
    }

    private static String subject(String key) {
        return key.substring(0, key.indexOf('|'));
    }

    private static int version(String key) {
        return Integer.parseInt(key.substring(key.indexOf('|') + 1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
