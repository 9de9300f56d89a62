package io.churnwatch.serving;

import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.serving.config.ServingConfig;
import io.churnwatch.serving.config.ServingSetting;
import io.churnwatch.streams.config.Setting;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Starts a serving node: the HTTP API, then Kafka Streams. Run with {@code --help} for every setting.
 */
@OpenAPIDefinition(info = @Info(title = "churnwatch", version = "0.1",
        description = "Live customer state, churn probability with reasons, segments and value at risk. Any "
                + "instance answers any customer. In one-machine mode (CHURNWATCH_EMBEDDED_REGISTRY=true) the node "
                + "also serves the Confluent schema-registry API: /subjects, /schemas/ids/{id}, /config, "
                + "/compatibility/subjects/{subject}/versions/{version}."))
@SecurityScheme(name = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "CHURNWATCH_ADMIN_TOKEN of the node")
public final class ServingApp {

    private ServingApp() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.println(usage());
                return;
            }
            System.err.println("Unknown arguments: " + String.join(" ", args) + "\n\n" + usage());
            System.exit(2);
        }
        try {
            // Fail on a malformed variable before anything starts, with the variable's name in the message.
            StreamsAppConfig.fromEnvironment();
            ServingConfig.from(System.getenv());
            ScoringSettings.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid configuration: " + e.getMessage());
            System.exit(2);
        }
        ApplicationContext context = Micronaut.build(args).mainClass(ServingApp.class).banner(false).start();
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        String url = "http://" + (server.getHost().equals("0.0.0.0") ? "localhost" : server.getHost()) + ":"
                + server.getPort();
        System.out.println("churnwatch serving node at " + url + "  (API docs: " + url + "/swagger-ui/, health: "
                + url + "/health)");
    }

    static String usage() {
        StringBuilder text = new StringBuilder("""
                churnwatch serving: a node that runs the streams topology and answers HTTP queries about
                customers (routed to the instance that hosts them), segments, models and ad-hoc scoring.

                Usage: java -cp serving.jar io.churnwatch.serving.ServingApp [--help]

                Serving settings (environment variable, default, meaning):
                """);
        for (ServingSetting setting : ServingSetting.values()) {
            text.append(String.format("  %-36s %s%n      %s%n", setting.envVar(),
                    setting.defaultValue().isEmpty() ? "(empty)" : setting.defaultValue(), setting.description()));
        }
        text.append("\nStreams settings:\n");
        for (Setting setting : Setting.values()) {
            text.append(String.format("  %-36s %s%n      %s%n", setting.envVar(),
                    setting.defaultValue().isEmpty() ? "(empty)" : setting.defaultValue(), setting.description()));
        }
        text.append("\nScorer settings:\n").append(ScoringSettings.describe());
        text.append("""

                The embedded registry (CHURNWATCH_EMBEDDED_REGISTRY=true) also reads CHURNWATCH_REGISTRY_HOST,
                CHURNWATCH_REGISTRY_PORT (8081), CHURNWATCH_REGISTRY_TOPIC, ... (see the registry module).
                Every variable can also be given as a Micronaut property: CHURNWATCH_STATE_DIR as churnwatch.state-dir.
                """);
        return text.toString();
    }
}
