package mpkernel.bench;

import java.lang.invoke.MethodHandle;
import mpkernel.isolation.FloorStub;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * One gate round trip (enter and leave, empty body) into {@code UNSAFE_KERNEL}, the
 * artifact's {@code isolation_start!}/{@code isolation_end!}, on each backend; and, in the same
 * run, its floor: two bare critical downcalls to a stub that does nothing, which is what an
 * {@code mpk} round trip is made of before any bookkeeping and before the WRPKRU/LFENCE
 * instructions themselves. {@code mpk-dry} over {@code floor} is then exactly our own overhead.
 */
public class GateBench extends Harness {

    private static final MethodHandle STUB = FloorStub.IDENTITY;
    private static final Runnable NOTHING = () -> { };

    /** Two critical downcalls to {@code mov eax, edi; ret}: the second takes the first's result, as a gate's exit takes the PKRU its entry saved. */
    @Benchmark
    public int floor() throws Throwable {
        int saved = (int) STUB.invokeExact(0x55555554);
        return (int) STUB.invokeExact(saved);
    }

    /** Enter {@code UNSAFE_KERNEL} and leave it again. */
    @Benchmark
    public void roundTrip(Booted k) {
        k.unsafe.run(NOTHING);
    }
}
