package io.churnwatch.serving.streams;

import java.util.HashSet;
import java.util.Set;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The state stores a topology has. Lets the API tell "this store is not part of what runs here" (answer
 * without it, e.g. features without a score) from "this store is not queryable right now" (503).
 */
public record TopologyStores(Set<String> names) {

    public static TopologyStores of(Topology topology) {
        Set<String> names = new HashSet<>();
        TopologyDescription description = topology.describe();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    names.addAll(processor.stores());
                }
            }
        }
        for (TopologyDescription.GlobalStore global : description.globalStores()) {
            names.addAll(global.processor().stores());
        }
        return new TopologyStores(Set.copyOf(names));
    }

    public boolean contains(String store) {
        return names.contains(store);
    }
}
