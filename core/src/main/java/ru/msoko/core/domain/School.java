package ru.msoko.core.domain;

import java.util.List;
import java.util.Objects;

/** A school (ОО) with every identifier it has had, its type, settlement and context. */
public record School(String code, String name, String municipalityCode, SchoolType type, Settlement settlement,
                     SchoolContext context, List<SchoolIdentifier> identifiers) {

    public School {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        context = context == null ? SchoolContext.unknown() : context;
        identifiers = List.copyOf(identifiers);
    }
}
