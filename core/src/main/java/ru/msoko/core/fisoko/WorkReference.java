package ru.msoko.core.fisoko;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import ru.msoko.core.domain.Procedure;
import ru.msoko.core.domain.TaskLayout;

/**
 * Reference data a positional export needs, since its headers say only «балл за 1 … балл за K».
 *
 * @param positions the tasks behind the positions of a work, from its codifier ({@link Codifiers})
 * @param maxPrimary the work's maximum primary score from elsewhere (its mark scale)
 */
public record WorkReference(Function<Procedure.Key, Optional<TaskLayout>> positions,
                            Function<Procedure.Key, OptionalInt> maxPrimary) {

    public static final WorkReference NONE = new WorkReference(k -> Optional.empty(), k -> OptionalInt.empty());
}
