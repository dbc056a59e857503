package ru.msoko.app.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method whose every call is recorded in the audit log, allowed or refused: the methods that
 * show pupil-level data or hand out a download. {@link AuditInterceptor} does the recording; the path variables
 * name the object.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    Action value();

    /** What the path variables identify, e.g. {@code import_rejection}. */
    String object() default "";
}
