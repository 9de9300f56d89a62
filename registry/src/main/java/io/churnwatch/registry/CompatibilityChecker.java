package io.churnwatch.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Decides whether a candidate schema may follow a subject's earlier versions, with Avro's own resolution rules. */
final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * The reasons the candidate breaks the level against the earlier versions; empty when it is compatible.
     *
     * @param earlierOldestFirst the versions to check against, oldest first; only the last one counts unless the
     *                           level is transitive
     */
    static List<String> incompatibilities(CompatibilityLevel level, Schema candidate, List<Schema> earlierOldestFirst) {
        if (level == CompatibilityLevel.NONE || earlierOldestFirst.isEmpty()) {
            return List.of();
        }
        List<Schema> against = level.isTransitive()
                ? earlierOldestFirst
                : List.of(earlierOldestFirst.get(earlierOldestFirst.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Schema earlier : against) {
            if (level.newMustReadOld()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier),
                        "the new schema cannot read data written with an earlier one", problems);
            }
            if (level.oldMustReadNew()) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate),
                        "an earlier schema cannot read data written with the new one", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaPairCompatibility pair, String direction, List<String> problems) {
        if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return;
        }
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            problems.add(direction + ": " + incompatibility.getType() + " at " + incompatibility.getLocation()
                    + " (" + incompatibility.getMessage() + ")");
        }
        if (pair.getResult().getIncompatibilities().isEmpty()) {
            problems.add(direction + ": " + pair.getDescription());
        }
    }
}
