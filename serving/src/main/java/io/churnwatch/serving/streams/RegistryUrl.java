package io.churnwatch.serving.streams;

/** The schema registry every serde of this node talks to (Confluent API, or mock://scope in tests). */
public record RegistryUrl(String url) {
}
