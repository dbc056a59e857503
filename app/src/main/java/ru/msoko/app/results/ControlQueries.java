package ru.msoko.app.results;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.msoko.app.resultstore.ResultBlockRepository;
import ru.msoko.app.resultstore.StoredBlock;
import ru.msoko.core.domain.Result;
import ru.msoko.core.domain.ResultBlock;
import org.springframework.stereotype.Repository;

/** How a school's works were controlled: independent observers in the room and expert re-checks (methods.md A.8). */
@Repository
class ControlQueries {

    /**
     * One procedure at the school with observers or re-checks.
     *
     * @param meanDelta mean of (school's score − expert's score) over the re-checked works; null without re-checks
     * @param raisedBy2 re-checked works the school scored at least 2 primary points above the expert
     */
    record Controlled(int year, String kind, String subject, int grade, long works, long observed, long rechecked,
                      Double meanDelta, long raisedBy2) {
    }

    private final ResultBlockRepository blocks;

    ControlQueries(ResultBlockRepository blocks) {
        this.blocks = blocks;
    }

    /** Procedures of the school with at least one observed or re-checked work, newest year first. */
    List<Controlled> of(long schoolId) {
        Map<Long, Tally> byAssessment = new HashMap<>();
        blocks.forEachOfSchool(schoolId, block -> {
            Tally t = byAssessment.computeIfAbsent(block.assessmentId(), id -> new Tally(block));
            for (ResultBlock.Row row : block.rows()) {
                t.add(row.result());
            }
        });
        return byAssessment.values().stream().filter(t -> t.observed > 0 || t.rechecked > 0)
                .map(Tally::controlled)
                .sorted(Comparator.comparingInt(Controlled::year).reversed().thenComparing(Controlled::kind)
                        .thenComparing(Controlled::subject).thenComparingInt(Controlled::grade))
                .toList();
    }

    /** The counts of one procedure over the works written (absent participants are not works). */
    private static final class Tally {
        private final StoredBlock procedure;
        private long works;
        private long observed;
        private long rechecked;
        private long withDelta;
        private double deltaSum;
        private long raisedBy2;

        Tally(StoredBlock procedure) {
            this.procedure = procedure;
        }

        void add(Result r) {
            if (r.absent()) {
                return;
            }
            works++;
            observed += r.flags().observed() ? 1 : 0;
            if (r.recheckedScore() != null) {
                rechecked++;
                if (r.primaryScore() != null) {
                    double delta = r.primaryScore() - r.recheckedScore();
                    withDelta++;
                    deltaSum += delta;
                    raisedBy2 += delta >= 2 ? 1 : 0;
                }
            }
        }

        Controlled controlled() {
            return new Controlled(procedure.procedure().year(), procedure.procedure().kind().name(),
                    procedure.subjectName(), procedure.procedure().grade(), works, observed, rechecked,
                    withDelta == 0 ? null : deltaSum / withDelta, raisedBy2);
        }
    }
}
