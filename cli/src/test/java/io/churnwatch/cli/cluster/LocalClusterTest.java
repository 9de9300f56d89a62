package io.churnwatch.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import io.churnwatch.schemas.Topics;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.testing.KafkaClusterExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster command's shape for real: a schema registry JVM and two serving-node JVMs on a real broker. Orders
 * produced to the cluster are answered identically by both nodes, one from its own state and the other by
 * forwarding; closing stops every JVM, and the nodes leave the group rather than wait for a session timeout.
 */
class LocalClusterTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARTITIONS = 4;

    @TempDir
    Path data;

    @Test
    void twoNodeJvmsAnswerEveryCustomerAlikeAndLeaveTheGroupWhenStopped() throws Exception {
        int base = freePortPair();
        ClusterOptions options = new ClusterOptions(2, base, freePort(), KAFKA.bootstrapServers(), null, null, data,
                false);
        String applicationId = "cluster-test-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CHURNWATCH_APPLICATION_ID", applicationId);
        env.put("CHURNWATCH_TOPIC_PARTITIONS", Integer.toString(PARTITIONS));
        env.put("CHURNWATCH_REORDER_GRACE", "0");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

        List<ChildProcess> processes = new ArrayList<>();
        try (LocalCluster cluster = new LocalCluster(options, env, out)) {
            runAndCheck(cluster, options, out, console, base, processes);
        } finally {
            System.out.println(console.toString(StandardCharsets.UTF_8));
        }

        assertThat(processes).hasSize(2).noneMatch(ChildProcess::isAlive);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            // A node that only vanished would stay a member for the 45 s session timeout.
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.describeConsumerGroups(List.of(applicationId))
                    .describedGroups().get(applicationId).get().members().isEmpty());
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("stopped node-1", "stopped node-2",
                "stopped registry");
    }

    private static void runAndCheck(LocalCluster cluster, ClusterOptions options, PrintStream out,
                                    ByteArrayOutputStream console, int base, List<ChildProcess> processes)
            throws Exception {
        ClusterCommand.startAndReport(cluster, options, out);
        cluster.nodes().forEach(node -> processes.add(node.process()));
        String report = console.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("node-1", "http://localhost:" + base, "node-2",
                "http://localhost:" + (base + 1), "Who hosts which customer");
        // Before any order the sample customers are unknown, but each still has an owner that answered.
        for (String key : KeyOwners.FALLBACK_KEYS) {
            assertThat(report).containsPattern(key + " +\\d+ +node-[12] +404");
        }

        List<String> customers = customersOnEveryPartition();
        sendTwoOrdersEach(cluster.registryUrl(), customers);
        NodeSpec first = cluster.nodes().get(0).spec();
        NodeSpec second = cluster.nodes().get(1).spec();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> customers.stream().allMatch(id -> hasTwoOrders(first, id) && hasTwoOrders(second, id)));

        Set<String> owners = new HashSet<>();
        for (String id : customers) {
            HttpProbe.Answer viaFirst = HttpProbe.get(first.url() + "/customers/" + id).orElseThrow();
            HttpProbe.Answer viaSecond = HttpProbe.get(second.url() + "/customers/" + id).orElseThrow();
            assertThat(JSON.readTree(viaFirst.body())).isEqualTo(JSON.readTree(viaSecond.body()));
            assertThat(viaFirst.servedBy()).isEqualTo(viaSecond.servedBy())
                    .hasValueSatisfying(owner -> assertThat(owner).isIn(first.applicationServer(),
                            second.applicationServer()));
            owners.add(viaFirst.servedBy().get());
        }
        // Every partition has a customer, so each node owns some: each answered locally and by forwarding.
        assertThat(owners).containsExactlyInAnyOrder(first.applicationServer(), second.applicationServer());
    }

    private static boolean hasTwoOrders(NodeSpec node, String customer) {
        var answer = HttpProbe.get(node.url() + "/customers/" + customer);
        if (answer.isEmpty() || answer.get().status() != 200) {
            return false;
        }
        try {
            JsonNode json = JSON.readTree(answer.get().body());
            return json.at("/features/orders").asInt() == 2;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.get().body(), e);
        }
    }

    /** Customer ids that together fall on every partition of the orders topic. */
    private static List<String> customersOnEveryPartition() {
        List<String> customers = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (int i = 0; covered.size() < PARTITIONS; i++) {
            String id = "cust-" + i;
            if (covered.add(KeyOwners.partitionOf(id, PARTITIONS))) {
                customers.add(id);
            }
        }
        return customers;
    }

    private static void sendTwoOrdersEach(String registryUrl, List<String> customers) {
        ChurnwatchSerdes serdes = ChurnwatchSerdes.forRegistryUrl(registryUrl);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(), "enable.idempotence", "true"),
                new StringSerializer(), new ByteArraySerializer())) {
            Instant start = Instant.parse("2011-01-03T10:00:00Z");
            for (String customer : customers) {
                for (int n = 0; n < 2; n++) {
                    OrderEvent order = OrderEvent.newBuilder()
                            .setOrderId(customer + "-order-" + n)
                            .setCustomerId(customer)
                            .setEventTime(start.plus(Duration.ofDays(20L * n)))
                            .setKind(OrderKind.PURCHASE)
                            .setLines(List.of(OrderLine.newBuilder().setSku("SKU-" + n).setQuantity(2)
                                    .setUnitPriceMinor(1250).build()))
                            .setCurrency("GBP")
                            .setCountry("United Kingdom")
                            .build();
                    producer.send(new ProducerRecord<>(Topics.ORDERS, customer,
                            serdes.orders().serializer().serialize(Topics.ORDERS, order)));
                }
            }
            producer.flush();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port whose successor is free too: the two nodes listen on BASE and BASE+1. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port < 65535 && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two free consecutive ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
