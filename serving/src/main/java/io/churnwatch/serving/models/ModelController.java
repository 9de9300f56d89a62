package io.churnwatch.serving.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.churnwatch.schemas.ModelRelease;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The model release in use. */
@Controller("/models")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "models")
public class ModelController {

    private final CurrentModel current;

    public ModelController(CurrentModel current) {
        this.current = current;
    }

    @Get("/current")
    @Operation(summary = "The promoted release: version, holdout metrics against the baselines, alert threshold",
            description = "Before the first release: 200 with \"model\": null and alerts disabled.")
    public Map<String, Object> current() {
        Optional<ModelRelease> release = current.get();
        Map<String, Object> answer = new LinkedHashMap<>();
        if (release.isEmpty()) {
            answer.put("model", null);
            answer.put("alerts", "disabled until the first model release");
            return answer;
        }
        ModelView view = ModelView.of(release.get());
        answer.put("model", view);
        answer.put("alerts", "enabled: a churn probability at or above " + view.threshold() + " raises an alert");
        return answer;
    }
}
