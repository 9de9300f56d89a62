package io.churnwatch.serving.streams;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.serving.config.ServingConfig;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Starts Kafka Streams once the HTTP server listens: only then is the port known (it may be chosen at random),
 * and only then can other instances reach the address this one announces as {@code application.server}.
 * Starting happens on its own thread, so the API is up at once and answers 503 until the instance runs.
 */
@Singleton
public class StreamsStarter implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsStarter.class);

    private final StreamsNode node;
    private final StreamsAppConfig streamsConfig;
    private final ServingConfig servingConfig;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "churnwatch-streams-start");
        thread.setDaemon(true);
        return thread;
    });

    public StreamsStarter(StreamsNode node, StreamsAppConfig streamsConfig, ServingConfig servingConfig) {
        this.node = node;
        this.streamsConfig = streamsConfig;
        this.servingConfig = servingConfig;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        HostInfo advertised = advertisedHost(streamsConfig.applicationServer(), servingConfig.advertisedHost(),
                event.getSource().getPort());
        starter.submit(() -> {
            try {
                node.start(advertised);
            } catch (RuntimeException e) {
                LOG.error("Kafka Streams could not start; the node answers 503 until it is restarted", e);
            }
        });
    }

    /** The configured application.server, or the advertised host with the port the server really listens on. */
    static HostInfo advertisedHost(String applicationServer, String advertisedHost, int actualPort) {
        if (applicationServer != null && !applicationServer.isBlank()) {
            return HostInfo.buildFromEndpoint(applicationServer.trim());
        }
        return new HostInfo(advertisedHost, actualPort);
    }

    @PreDestroy
    void stop() {
        starter.shutdownNow();
    }
}
