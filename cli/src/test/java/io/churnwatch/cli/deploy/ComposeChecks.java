package io.churnwatch.cli.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything checked about a compose file and what it references; each problem as one readable line. */
final class ComposeChecks {

    private ComposeChecks() {
    }

    static List<String> problems(Path composeFile) throws IOException {
        Deployment deployment = new Deployment(ComposeFile.load(composeFile));
        List<String> problems = new ArrayList<>();
        SettingsChecks.check(deployment, problems::add);
        TopologyChecks.check(deployment, problems::add);
        PrometheusChecks.check(deployment, problems::add);
        ImageChecks.check(deployment, problems::add);
        return problems;
    }
}
