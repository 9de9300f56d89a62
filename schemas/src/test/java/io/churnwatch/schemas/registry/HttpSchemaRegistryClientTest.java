package io.churnwatch.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.OrderEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryClientTest {

    private static final Schema ORDER = OrderEvent.getClassSchema();
    private FakeRegistryServer server;
    private HttpSchemaRegistryClient client;

    @BeforeEach
    void start() throws IOException {
        server = new FakeRegistryServer();
        client = new HttpSchemaRegistryClient(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registerPostsTheSchemaAsRegistryJsonAndReturnsTheId() throws Exception {
        int id = client.register("orders-value", ORDER);

        assertThat(id).isEqualTo(server.registry().lookup("orders-value", ORDER));
        FakeRegistryServer.Request request = server.requests().get(0);
        assertThat(request.line()).isEqualTo("POST /subjects/orders-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(new Schema.Parser().parse(new ObjectMapper().readTree(request.body()).get("schema").asText()))
                .isEqualTo(ORDER);
    }

    @Test
    void lookupFindsARegisteredSchemaAndReportsConfluentErrorCodesOtherwise() {
        int id = server.registry().register("orders-value", ORDER);

        assertThat(client.lookup("orders-value", ORDER)).isEqualTo(id);
        assertThat(server.requests().get(0).line()).isEqualTo("POST /subjects/orders-value");

        assertThatThrownBy(() -> client.lookup("orders-value", CustomerScore.getClassSchema()))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.isUnavailable()).isFalse();
                });
        assertThatThrownBy(() -> client.lookup("nobody-value", ORDER))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void getByIdParsesTheSchemaAndAsksOnlyOnce() {
        int id = server.registry().register("customer-scores-value", CustomerScore.getClassSchema());

        Schema first = client.getById(id);
        Schema second = client.getById(id);

        assertThat(first).isEqualTo(CustomerScore.getClassSchema());
        assertThat(second).isSameAs(first);
        assertThat(server.requests()).extracting(FakeRegistryServer.Request::line)
                .containsExactly("GET /schemas/ids/" + id);
    }

    @Test
    void registeringCachesBothDirections() {
        int id = client.register("orders-value", ORDER);

        assertThat(client.register("orders-value", ORDER)).isEqualTo(id);
        assertThat(client.lookup("orders-value", ORDER)).isEqualTo(id);
        assertThat(client.getById(id)).isEqualTo(ORDER);
        assertThat(server.requests()).hasSize(1);

        // Another subject is another question for the registry, even with the same schema.
        assertThat(client.register("orders-retry-value", ORDER)).isEqualTo(id);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void unknownIdIs40403() {
        assertThatThrownBy(() -> client.getById(4242))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.getMessage()).contains("4242", "GET " + server.url() + "/schemas/ids/4242");
                });
    }

    @Test
    void errorBodiesBecomeTypedExceptions() {
        server.failNext(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                "Schema being registered is incompatible with an earlier schema");
        assertThatThrownBy(() -> client.register("orders-value", ORDER))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                    assertThat(e.getMessage()).contains("incompatible with an earlier schema");
                });

        server.failNext(422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema");
        assertThatThrownBy(() -> client.register("orders-value", ORDER))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA));

        server.failNext(500, SchemaRegistryException.STORE_ERROR, "Error while registering schema");
        assertThatThrownBy(() -> client.register("orders-value", ORDER))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.STORE_ERROR);
                    assertThat(e.isUnavailable()).isTrue();
                });

        // Failures are not cached: the next attempt reaches the registry and succeeds.
        assertThat(client.register("orders-value", ORDER)).isPositive();
    }

    @Test
    void answersThatAreNotRegistryJsonAreReportedWithTheirStatusAndBody() {
        server.answerNext(502, "text/html", "<html><body>Bad Gateway</body></html>");
        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.isUnavailable()).isTrue();
                    assertThat(e.getMessage()).contains("502", "Bad Gateway");
                });

        server.answerNext(200, "application/json", "{\"schema\": 17}");
        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("without a 'schema' string");

        server.answerNext(200, "application/json", "{\"schema\": \"{\\\"type\\\": \\\"recrod\\\"}\"}");
        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_SCHEMA));
    }

    @Test
    void subjectsAreEscapedInThePath() {
        client.register("weird subject/with?chars-value", ORDER);

        assertThat(server.requests().get(0).rawPath())
                .isEqualTo("/subjects/weird%20subject%2Fwith%3Fchars-value/versions");
        assertThat(server.registry().subjects()).containsExactly("weird subject/with?chars-value");
    }

    @Test
    void anUnreachableRegistryGivesAClearMessage() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        HttpSchemaRegistryClient dead = new HttpSchemaRegistryClient(deadUrl);

        assertThatThrownBy(() -> dead.getById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
                    assertThat(e.isUnavailable()).isTrue();
                    assertThat(e.getMessage()).contains(deadUrl, "unreachable", "schema.registry.url");
                });
    }

    @Test
    void aRegistryThatNeverAnswersTimesOut() {
        HttpSchemaRegistryClient impatient =
                new HttpSchemaRegistryClient(server.url(), Duration.ofSeconds(2), Duration.ofMillis(300));
        server.stall();

        assertThatThrownBy(() -> impatient.getById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isUnavailable()).isTrue();
                    assertThat(e.getMessage()).contains("did not answer GET /schemas/ids/1 within 300 ms");
                });
    }

    @Test
    void severalUrlsFailOverToOneThatAnswers() throws IOException {
        String deadUrl = "http://127.0.0.1:" + freePort();
        HttpSchemaRegistryClient failover = new HttpSchemaRegistryClient(deadUrl + ", " + server.url() + "/");

        int id = failover.register("orders-value", ORDER);

        assertThat(failover.baseUrls()).containsExactly(deadUrl, server.url());
        assertThat(server.registry().lookup("orders-value", ORDER)).isEqualTo(id);
    }

    @Test
    void urlsThatAreNotHttpAreRejectedUpFront() {
        assertThatThrownBy(() -> new HttpSchemaRegistryClient("localhost:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http(s)://host:port or mock://scope");
        assertThatThrownBy(() -> SchemaRegistryClient.forUrl(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void forUrlSharesOneHttpClientPerUrl() {
        assertThat(SchemaRegistryClient.forUrl(server.url())).isSameAs(SchemaRegistryClient.forUrl(server.url()))
                .isInstanceOf(HttpSchemaRegistryClient.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
