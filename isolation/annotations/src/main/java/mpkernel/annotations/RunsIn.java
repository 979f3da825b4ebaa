package mpkernel.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the domain the code of a package (or class) runs in. It documents the system for a
 * reader, and the fault reader uses it: the innermost annotated frame of a crashed thread names
 * the domain that made the denied access.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface RunsIn {
    /** The domain's name, e.g. {@code "UNSAFE_KERNEL"}. */
    String value();

    /**
     * Where the code runs when the booted policy does not declare {@link #value()}: e.g. a
     * driver runs in {@code DRIVER} when that domain exists and in {@code UNSAFE_KERNEL}
     * otherwise. Empty: {@link #value()} is always declared.
     */
    String otherwise() default "";
}
