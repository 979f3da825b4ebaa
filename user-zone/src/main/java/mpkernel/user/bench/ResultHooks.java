package mpkernel.user.bench;

import java.util.function.Consumer;

/**
 * Test hooks on a computed result, for the programs whose self-check recomputes the result rather
 * than comparing it with a table of reference values: a corruption applied just before the check,
 * so that a test can show that the check catches a wrong result, and an observer that sees the
 * result after the check, before its memory is freed. The kernel runs every program with
 * {@link #none}.
 *
 * @param <R> the result
 * @param corruption what {@link #beforeCheck} does to the result
 * @param observer what {@link #afterCheck} shows the result to
 */
record ResultHooks<R>(Consumer<? super R> corruption, Consumer<? super R> observer) {

    /** No hooks: the result is checked as computed, and nobody looks at it. */
    static <R> ResultHooks<R> none() {
        return new ResultHooks<>(result -> { }, result -> { });
    }

    /** Only {@code corruption}. */
    static <R> ResultHooks<R> corrupting(Consumer<? super R> corruption) {
        return new ResultHooks<>(corruption, result -> { });
    }

    /** Only {@code observer}. */
    static <R> ResultHooks<R> observing(Consumer<? super R> observer) {
        return new ResultHooks<>(result -> { }, observer);
    }

    /** Called by the program between computing {@code result} and checking it. */
    void beforeCheck(R result) {
        corruption.accept(result);
    }

    /** Called by the program after checking {@code result}. */
    void afterCheck(R result) {
        observer.accept(result);
    }
}
