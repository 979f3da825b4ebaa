package mpkernel.user.bench;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What the NPB ports share beyond {@link BenchProgram}: the command line {@link NpbArgs} with
 * NPB's own usage line, and parameters that are those of the chosen problem class, reference
 * values included.
 *
 * @param <P> a port's parameters for one problem class
 */
abstract class NpbProgram<P> extends BenchProgram<P> {

    private final Function<Character, P> forClass;
    private final UnaryOperator<P> tweak;

    /**
     * @param name the port's name, as in its {@code @Program} annotation
     * @param forClass the parameters of a problem class
     * @param tweak a test hook that may replace the class's reference values; the identity when
     *        the kernel runs the port
     */
    NpbProgram(String name, Function<Character, P> forClass, UnaryOperator<P> tweak) {
        super(name, NpbArgs.OPTIONS);
        this.forClass = forClass;
        this.tweak = tweak;
    }

    @Override
    final P parse(List<String> args) {
        return tweak.apply(forClass.apply(NpbArgs.parse(args).npbClass()));
    }

    /** NPB's usage line, which names no problem: the class is the only option there is. */
    @Override
    final String usage(BenchArgs.Invalid problem) {
        return "usage: " + name() + " " + NpbArgs.OPTIONS + "\n";
    }
}
