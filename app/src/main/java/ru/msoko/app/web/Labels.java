package ru.msoko.app.web;

import org.springframework.stereotype.Component;
import ru.msoko.core.domain.ProcedureKind;
import ru.msoko.core.domain.SchoolType;
import ru.msoko.core.domain.Settlement;

/** Russian labels for stored enum names, used in templates as {@code @labels}. */
@Component("labels")
public class Labels {

    public String procedure(String kind) {
        return kind == null ? "" : ProcedureKind.valueOf(kind).code();
    }

    public String procedureTitle(String kind) {
        return kind == null ? "" : ProcedureKind.valueOf(kind).title();
    }

    public String schoolType(String type) {
        return type == null ? "тип не указан" : SchoolType.valueOf(type).label();
    }

    public String settlement(String settlement) {
        return settlement == null ? "" : Settlement.valueOf(settlement).label();
    }
}
