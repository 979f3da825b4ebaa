package mpkernel.kernel.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a {@link UserProgram} and says what it does. The kernel and the launcher read it from
 * the program's class file, as data, so that learning a program's name runs none of its code:
 * a program's constructor, static initialiser and methods run only inside the user gate, with
 * the user domain's rights.
 *
 * {@snippet :
 * @Program(name = "hello", description = "print a greeting through the virtio console")
 * public final class Hello implements UserProgram { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Program {
    /** The name {@code ./mpk run NAME} knows the program by, e.g. {@code npb-cg}: lower case, digits and dashes. */
    String name();

    /** One line for {@code ./mpk run --list}. */
    String description();
}
