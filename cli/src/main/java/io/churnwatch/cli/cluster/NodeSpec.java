package io.churnwatch.cli.cluster;

import io.churnwatch.serving.config.ServingSetting;
import io.churnwatch.streams.config.Setting;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One serving node of the local cluster: its number, HTTP port, own folder, and the environment it runs with.
 *
 * @param index 1-based
 * @param dir   the node's folder: RocksDB state in {@code streams/}, its output in {@code node.log}
 */
record NodeSpec(int index, int port, Path dir) {

    /** The host every node announces and the others forward to: the loopback interface it binds. */
    static final String HOST = "localhost";
    static final String BIND_ADDRESS = "127.0.0.1";

    String name() {
        return "node-" + index;
    }

    /** What the node announces as {@code application.server}, and what {@code X-Churnwatch-Served-By} names. */
    String applicationServer() {
        return HOST + ":" + port;
    }

    String url() {
        return "http://" + HOST + ":" + port;
    }

    Path stateDir() {
        return dir.resolve("streams");
    }

    Path logFile() {
        return dir.resolve("node.log");
    }

    /**
     * The user's environment (every CHURNWATCH_* setting they gave applies to all nodes), with what makes this
     * node one of the cluster: the shared Kafka and registry, its own port, state and {@code application.server}.
     */
    Map<String, String> environment(Map<String, String> base, String bootstrapServers, String registryUrl) {
        Map<String, String> env = new HashMap<>(base);
        env.put(Setting.BOOTSTRAP_SERVERS.envVar(), bootstrapServers);
        env.put(Setting.SCHEMA_REGISTRY_URL.envVar(), registryUrl);
        env.put(Setting.STATE_DIR.envVar(), stateDir().toString());
        env.put(Setting.APPLICATION_SERVER.envVar(), applicationServer());
        env.put(ServingSetting.HTTP_PORT.envVar(), Integer.toString(port));
        env.putIfAbsent(ServingSetting.HTTP_HOST.envVar(), BIND_ADDRESS);
        env.put(ServingSetting.ADVERTISED_HOST.envVar(), HOST);
        // The registry runs on its own, so that every node is the same and any may stop.
        env.put(ServingSetting.EMBEDDED_REGISTRY.envVar(), "false");
        return env;
    }
}
