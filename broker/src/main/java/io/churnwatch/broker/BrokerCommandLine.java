package io.churnwatch.broker;

import java.nio.file.Path;

/** The parsed command line of {@link BrokerCommand}; unset options keep the value from the environment. */
record BrokerCommandLine(boolean help, Path dataDir, Integer port, Integer controllerPort, String heap) {

    static BrokerCommandLine parse(String[] args) {
        boolean help = false;
        Path dataDir = null;
        Integer port = null;
        Integer controllerPort = null;
        String heap = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--port" -> port = BrokerSettings.parsePort("--port", value(args, ++i, arg));
                case "--controller-port" ->
                        controllerPort = BrokerSettings.parsePort("--controller-port", value(args, ++i, arg));
                case "--heap" -> heap = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new BrokerCommandLine(help, dataDir, port, controllerPort, heap);
    }

    BrokerSettings applyTo(BrokerSettings settings) {
        BrokerSettings result = settings;
        if (dataDir != null) {
            result = result.withDataDir(dataDir);
        }
        if (port != null) {
            result = result.withClientPort(port);
        }
        if (controllerPort != null) {
            result = result.withControllerPort(controllerPort);
        }
        if (heap != null) {
            result = result.withHeap(heap);
        }
        return result;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
