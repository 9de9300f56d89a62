package io.churnwatch.testing;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts one {@link KafkaTestCluster} before the first test of a class and stops it
 * after the last one.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();
 *
 * @Test
 * void something() {
 *     KAFKA.cluster().createTopics("orders");
 * }
 * }</pre>
 */
public final class KafkaClusterExtension implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<KafkaTestCluster> starter;
    private KafkaTestCluster cluster;

    /** One combined broker and controller. */
    public KafkaClusterExtension() {
        this(KafkaTestCluster::start);
    }

    /** A cluster started by {@code starter}, e.g. {@code () -> KafkaTestCluster.start(3)}. */
    public KafkaClusterExtension(Supplier<KafkaTestCluster> starter) {
        this.starter = starter;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = starter.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** The running cluster; only valid between the class's first and last test. */
    public KafkaTestCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the Kafka cluster runs only while the test class runs; "
                    + "register this extension on a static field with @RegisterExtension");
        }
        return cluster;
    }

    public String bootstrapServers() {
        return cluster().bootstrapServers();
    }
}
