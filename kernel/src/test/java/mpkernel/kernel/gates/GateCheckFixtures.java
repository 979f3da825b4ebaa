package mpkernel.kernel.gates;

import java.util.function.LongSupplier;

import mpkernel.isolation.Gate;
import mpkernel.unsafezone.FaultyDevice;
import mpkernel.unsafezone.RawMemory;

/** Kernel-like code, right and wrong, that {@link GateCheckTest} holds {@link GateCheck} against. Never run. */
final class GateCheckFixtures {

    private GateCheckFixtures() {
    }

    /** A direct call into the unsafe zone: the missed gate. */
    static final class Missed {
        void leak(long a) {
            RawMemory.writeBytes(a, (byte) 0, 8);
        }
    }

    /** The same call inside a gate body. */
    static final class Gated {
        void ok(Gate g, long a) {
            g.run(() -> RawMemory.writeBytes(a, (byte) 0, 8));
        }
    }

    /** A private helper only gate bodies call. */
    static final class HelperInside {
        void ok(Gate g, long a) {
            g.run(() -> helper(a));
        }

        private static void helper(long a) {
            RawMemory.writeBytes(a, (byte) 0, 8);
        }
    }

    /** The same helper, also called outside the gate. */
    static final class HelperAlsoOutside {
        void bad(Gate g, long a) {
            g.run(() -> helper(a));
            helper(a);
        }

        private static void helper(long a) {
            RawMemory.writeBytes(a, (byte) 0, 8);
        }
    }

    /** A helper other code could reach: its crossing is not visible as a gate call. */
    static final class NonPrivateHelper {
        void ok(Gate g, long a) {
            g.run(() -> helper(a));
        }

        void helper(long a) {
            RawMemory.writeBytes(a, (byte) 0, 8);
        }
    }

    /** A lambda that calls the unsafe zone, handed out instead of to a gate. */
    static final class EscapingLambda {
        Runnable bad(long a) {
            return () -> RawMemory.writeBytes(a, (byte) 0, 8);
        }
    }

    /** Method references into the unsafe zone, through a gate and not. */
    static final class MethodReferences {
        long ok(Gate g, FaultyDevice f) {
            return g.callLong(f::buffer);
        }

        LongSupplier bad(FaultyDevice f) {
            return f::buffer;
        }
    }

    /** Constructing a driver object outside a gate. */
    static final class Construct {
        Object bad(long a) {
            return new FaultyDevice(a, 64);
        }

        Object ok(Gate g, long a) {
            return g.call(() -> new FaultyDevice(a, 64));
        }
    }
}
