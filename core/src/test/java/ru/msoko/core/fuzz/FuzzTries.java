package ru.msoko.core.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Scales the tries of the core fuzzing properties with the system property {@code fuzz.tries} (bench/fuzz.sh): the
 * tries written on a property are for the default run, where the app-level properties have about 100; with
 * {@code fuzz.tries=N} each core property runs {@code N / 100} times as many.
 */
public final class FuzzTries implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger("fuzz.tries");
        if (tries != null && tries > 100) {
            context.attributes().tries().ifPresent(own -> context.attributes().setTries(own * (tries / 100)));
        }
        return property.execute();
    }
}
