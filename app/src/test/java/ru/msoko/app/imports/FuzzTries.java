package ru.msoko.app.imports;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The number of tries of every fuzzing property from the system property {@code fuzz.tries} (bench/fuzz.sh); without
 * it each property keeps the tries written on it, sized so that the default run stays short.
 */
public final class FuzzTries implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger("fuzz.tries");
        if (tries != null) {
            context.attributes().setTries(tries);
        }
        return property.execute();
    }
}
