package io.churnwatch.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerPropertiesTest {

    @TempDir
    Path tmp;

    private final BrokerSettings settings = BrokerSettings.defaults(Path.of("/data/kafka"))
            .withClientPort(19092).withControllerPort(19093);

    @Test
    void listensOnLoopbackOnly() {
        Map<String, String> props = ServerProperties.of(settings, new BrokerDataDir(settings.dataDir()));

        assertThat(props.get("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(props.get("advertised.listeners")).isEqualTo(props.get("listeners"));
        assertThat(props.get("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:19093");
        assertThat(props.get("process.roles")).isEqualTo("broker,controller");
    }

    @Test
    void internalTopicsFitOneBrokerSoTransactionsWork() {
        Map<String, String> props = ServerProperties.of(settings, new BrokerDataDir(settings.dataDir()));

        assertThat(props).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.retention.ms", "-1")
                .containsEntry("log.dirs", Path.of("/data/kafka/kraft").toString());
    }

    @Test
    void extraPropertiesWinAndTheFileReadsBack() throws Exception {
        BrokerSettings custom = settings.withExtraProperties(Map.of("log.retention.ms", "3600000"));
        Path file = tmp.resolve("server.properties");

        ServerProperties.write(ServerProperties.of(custom, new BrokerDataDir(custom.dataDir())), file);

        Properties read = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            read.load(in);
        }
        assertThat(read.getProperty("log.retention.ms")).isEqualTo("3600000");
        assertThat(read.getProperty("node.id")).isEqualTo("1");
    }
}
