package io.churnwatch.serving.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.serving.streams.StreamsNode;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Asks every instance that hosts a store for its local part of an answer, in parallel, and returns the parts.
 * This instance answers from its own stores, the others through their internal endpoint. An instance that does
 * not answer, or answers with an error, fails the whole query with a 503: a ranking that silently misses a
 * share of the customers would look complete and be wrong.
 */
@Singleton
public class ScatterGather {

    private final StreamsNode node;
    private final InstanceClient instances;
    private final ExecutorService executor;

    public ScatterGather(StreamsNode node, InstanceClient instances, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.node = node;
        this.instances = instances;
        this.executor = executor;
    }

    /**
     * @param store         only instances with tasks of this store are asked
     * @param local         this instance's part
     * @param internalPath  path and query of the internal endpoint that answers the same locally
     * @param parse         turns another instance's JSON body into a part
     */
    public <T> List<T> gather(String store, Supplier<T> local, String internalPath, Function<String, T> parse) {
        KafkaStreams streams = node.running();
        List<HostInfo> hosts = streams.metadataForAllStreamsClients().stream()
                .filter(metadata -> metadata.stateStoreNames().contains(store))
                .map(StreamsMetadata::hostInfo)
                .distinct()
                .toList();
        List<CompletableFuture<T>> parts = new ArrayList<>();
        for (HostInfo host : hosts) {
            if (host.equals(node.self())) {
                parts.add(CompletableFuture.supplyAsync(local, executor));
            } else {
                parts.add(CompletableFuture.supplyAsync(() -> remote(host, internalPath, parse), executor));
            }
        }
        List<T> answers = new ArrayList<>();
        for (CompletableFuture<T> part : parts) {
            try {
                answers.add(part.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return answers;
    }

    private <T> T remote(HostInfo host, String internalPath, Function<String, T> parse) {
        InstanceClient.Relayed answer = instances.get(host, internalPath);
        if (answer.status() != 200) {
            throw new NodeUnavailableException("instance " + InstanceClient.describe(host) + " answered "
                    + answer.status() + " to " + internalPath + ": " + answer.body());
        }
        return parse.apply(answer.body());
    }
}
