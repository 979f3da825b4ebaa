package mpkernel.isolation;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static mpkernel.isolation.MachineCode.MOV_EAX_EDI;
import static mpkernel.isolation.MachineCode.RET;
import static mpkernel.isolation.MachineCode.code;
import static mpkernel.isolation.MachineCode.function;

/**
 * Benchmark support: the floor under every PKRU gate. An {@code mpk} gate round trip is two
 * critical downcalls to generated machine code (swap on entry, write on exit) plus our own
 * bookkeeping; {@link #IDENTITY} is the same kind of downcall to a stub that does nothing
 * ({@code mov eax, edi; ret}), generated and bound exactly as {@link PkruStubs} are, so two
 * calls of it are what a round trip can never go below on this JVM. It protects nothing and
 * touches no state.
 */
public final class FloorStub {

    private FloorStub() {
    }

    /** {@code int identity(int)}: a critical downcall to {@code mov eax, edi; ret}. */
    public static final MethodHandle IDENTITY =
            function(code(MOV_EAX_EDI, RET), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
}
