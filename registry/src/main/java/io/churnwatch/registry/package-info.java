/**
 * The embedded schema registry of the one-machine mode: Confluent's REST API (the subset clients call) with its
 * state kept on a compacted Kafka topic.
 *
 * <p>Three layers, each replaceable on its own:
 * <ul>
 *   <li>{@link io.churnwatch.registry.SchemaRegistryService}: subjects, versions, global ids, compatibility;
 *       no HTTP, no Kafka.</li>
 *   <li>{@link io.churnwatch.registry.RegistryApi}: the REST API as plain method/path/body in, status/JSON out;
 *       {@link io.churnwatch.registry.RegistryHttpServer} serves it with the JDK's HTTP server, and a web
 *       framework can mount it the same way.</li>
 *   <li>{@link io.churnwatch.registry.SchemaStore}: {@link io.churnwatch.registry.KafkaSchemaStore} writes every
 *       change to {@code _schemas} (acks=all, waited for) before answering and replays the topic on start, so ids
 *       survive restarts; {@link io.churnwatch.registry.InMemorySchemaStore} for tests.</li>
 * </ul>
 *
 * <p><b>Single writer.</b> Ids are allocated in memory as the highest id so far plus one; two registries on one
 * topic would hand out the same id to different schemas. Run exactly one registry per topic (the embedded mode
 * does); the cluster deployment uses Confluent's registry, which elects a leader for this.
 *
 * <p>{@link io.churnwatch.registry.EmbeddedSchemaRegistry} puts the three together;
 * {@link io.churnwatch.registry.RegistryCommand} runs it from the command line.
 */
package io.churnwatch.registry;
