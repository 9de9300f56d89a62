package io.churnwatch.serving.query;

import org.apache.kafka.streams.state.HostInfo;

/** Where the active copy of a key's partition lives: here, or at another instance. */
public sealed interface KeyLocation {

    record Local(int partition) implements KeyLocation {
    }

    record Remote(HostInfo host, int partition) implements KeyLocation {
    }
}
