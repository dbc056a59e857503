package ru.msoko.core.fisoko;

import java.util.List;
import java.util.Map;
import ru.msoko.core.domain.TaskLayout;

/**
 * The description of one ВПР work as ФИОКО publishes it («Описание работы»), in the form regional analysts
 * keep it: {@code ALL.xlsx} — one row per task × content element × requirement, with the task's position in the
 * regional export, its label in the КИМ, its maximum, its difficulty level (Б — базовый, П — повышенный,
 * В — высокий), its КЭС and КТ codes; {@code KS.xlsx} — the content elements, {@code KT.xlsx} — the
 * requirements to the level of training, each code → text.
 *
 * @param year the year the description is for; {@code null} when the folder does not say
 * @param subjectName the subject as the folder names it («Русский язык»)
 * @param tasks one per position, in order
 * @param contentElements КЭС code → text (empty when there is no KS.xlsx)
 * @param requirements КТ code → text (empty when there is no KT.xlsx)
 */
public record WorkCodifier(Integer year, int grade, String subjectName, String source, List<Task> tasks,
                           Map<String, String> contentElements, Map<String, String> requirements) {

    /**
     * One task (or criterion) of the work.
     *
     * @param position its column in the regional export («балл за N»)
     * @param label its number in the КИМ («1К1», «5.1»)
     * @param level «Б», «П» or «В»; empty when the description does not say
     * @param contentCodes the КЭС codes it checks, in the order of the description
     * @param requirementCodes the КТ codes it checks
     * @param skills what it checks («Умения, виды деятельности»), the distinct texts joined by « / »
     */
    public record Task(int position, String label, int maxScore, String level, List<String> contentCodes,
                       List<String> requirementCodes, String skills) {
    }

    public WorkCodifier {
        tasks = List.copyOf(tasks);
        contentElements = Map.copyOf(contentElements);
        requirements = Map.copyOf(requirements);
    }

    /** The tasks by position, as the positional exports need them. */
    public TaskLayout layout() {
        return new TaskLayout(tasks.stream().map(t -> new TaskLayout.Task(t.label(), t.maxScore())).toList());
    }
}
