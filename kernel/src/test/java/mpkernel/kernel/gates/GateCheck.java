package mpkernel.kernel.gates;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.constant.ConstantDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads compiled kernel classes and finds every use of another domain's code (a call, a field,
 * a {@code new}, a method reference) that does not run inside a body handed to a gate.
 *
 * <p>A <em>gate body</em> is the implementation of a lambda or method reference whose
 * {@code invokedynamic} is consumed by the next call in its method, that call being one of
 * {@link #GATE_ENTRIES}: {@code gate.run(() -> ...)} compiles to exactly that. Code called from
 * gate bodies counts as inside the gate if it is private and every one of its callers is inside
 * the gate (transitively): a helper that a gate body uses stays inside, while any method that
 * other code could also reach must make its crossing visible as a gate call of its own.
 *
 * <p>Which gate is a matter of where: only the <em>door</em> classes may use another domain's
 * code at all (the kernel's unsafe-call door holds no gates but the unsafe and driver gates), so
 * a use inside, say, a safe-kernel gate body elsewhere is a violation too.
 */
final class GateCheck {

    /** The gate methods that run a body with another domain's rights. */
    static final String GATE = "mpkernel/isolation/Gate";
    static final Set<String> GATE_ENTRIES = Set.of("run", "call", "callInt", "callLong");

    private final Set<String> domainPackages;
    private final Set<String> doors;

    /**
     * @param domainPackages internal names of the packages of other domains' code, e.g. {@code mpkernel/unsafezone}
     * @param doors internal names of the classes allowed to use that code, inside gate bodies
     */
    GateCheck(Set<String> domainPackages, Set<String> doors) {
        this.domainPackages = Set.copyOf(domainPackages);
        this.doors = Set.copyOf(doors);
    }

    /** A method, as {@code owner.name descriptor}. */
    record MethodId(String owner, String name, String type) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name;
        }
    }

    /** One use of another domain's code outside every gate. */
    record Violation(MethodId in, String what) {
        @Override
        public String toString() {
            return in + " uses " + what;
        }
    }

    /** The violations in {@code classes} (class-file bytes). */
    List<Violation> check(List<byte[]> classes) {
        Map<MethodId, MethodModel> methods = new HashMap<>();
        for (byte[] bytes : classes) {
            ClassModel c = ClassFile.of().parse(bytes);
            for (MethodModel m : c.methods()) {
                methods.put(id(c, m), m);
            }
        }
        Map<MethodId, List<String>> domainUses = new HashMap<>();
        Map<MethodId, Set<MethodId>> callers = new HashMap<>();
        Set<MethodId> gateBodies = new HashSet<>();
        for (Map.Entry<MethodId, MethodModel> e : methods.entrySet()) {
            scan(e.getKey(), e.getValue(), methods.keySet(), domainUses, callers, gateBodies);
        }
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<MethodId, List<String>> e : domainUses.entrySet()) {
            boolean door = doors.contains(e.getKey().owner());
            if (!door || !insideGate(e.getKey(), methods, callers, gateBodies, new HashSet<>())) {
                for (String what : e.getValue()) {
                    out.add(new Violation(e.getKey(), door ? what + " outside a gate body" : what + " outside the door classes"));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Violation::toString));
        return out;
    }

    private void scan(MethodId self, MethodModel m, Set<MethodId> known, Map<MethodId, List<String>> domainUses,
                      Map<MethodId, Set<MethodId>> callers, Set<MethodId> gateBodies) {
        List<CodeElement> code = m.code().map(c -> c.elementList()).orElse(List.of());
        for (int i = 0; i < code.size(); i++) {
            CodeElement el = code.get(i);
            switch (el) {
                case InvokeInstruction inv -> {
                    MethodId target = new MethodId(inv.owner().asInternalName(), inv.name().stringValue(), inv.type().stringValue());
                    if (isDomain(target.owner())) {
                        use(domainUses, self, "call " + target);
                    } else if (known.contains(target)) {
                        callers.computeIfAbsent(target, k -> new HashSet<>()).add(self);
                    }
                }
                case FieldInstruction f when isDomain(f.owner().asInternalName()) ->
                        use(domainUses, self, "field " + f.owner().asInternalName().replace('/', '.') + "." + f.name().stringValue());
                case NewObjectInstruction n when isDomain(n.className().asInternalName()) ->
                        use(domainUses, self, "new " + n.className().asInternalName().replace('/', '.'));
                case InvokeDynamicInstruction indy -> {
                    MethodId impl = implementation(indy);
                    if (impl == null) {
                        continue;
                    }
                    boolean gated = feedsGate(code, i);
                    if (isDomain(impl.owner())) {
                        if (!gated) {
                            use(domainUses, self, "method reference " + impl);
                        }
                    } else if (gated) {
                        gateBodies.add(impl);
                    } else if (known.contains(impl)) {
                        // a lambda made here may run wherever this method's code runs
                        callers.computeIfAbsent(impl, k -> new HashSet<>()).add(self);
                    }
                }
                default -> { }
            }
        }
    }

    /** Whether the next call after the {@code invokedynamic} at {@code at} is a gate entry. */
    private static boolean feedsGate(List<CodeElement> code, int at) {
        for (int j = at + 1; j < code.size(); j++) {
            if (code.get(j) instanceof InvokeInstruction inv) {
                return inv.owner().asInternalName().equals(GATE) && GATE_ENTRIES.contains(inv.name().stringValue());
            }
            if (code.get(j) instanceof InvokeDynamicInstruction) {
                return false;
            }
        }
        return false;
    }

    /** The method a lambda or method reference {@code invokedynamic} stands for, or null for other call sites. */
    private static MethodId implementation(InvokeDynamicInstruction indy) {
        for (ConstantDesc arg : indy.bootstrapArgs()) {
            if (arg instanceof DirectMethodHandleDesc mh) {
                String owner = mh.owner().descriptorString();
                return new MethodId(owner.substring(1, owner.length() - 1), mh.methodName(), mh.lookupDescriptor());
            }
        }
        return null;
    }

    private boolean insideGate(MethodId m, Map<MethodId, MethodModel> methods, Map<MethodId, Set<MethodId>> callers,
                               Set<MethodId> gateBodies, Set<MethodId> visiting) {
        if (gateBodies.contains(m)) {
            return true;
        }
        MethodModel model = methods.get(m);
        Set<MethodId> from = callers.getOrDefault(m, Set.of());
        if (model == null || !model.flags().has(AccessFlag.PRIVATE) || from.isEmpty() || !visiting.add(m)) {
            return false;
        }
        for (MethodId c : from) {
            if (!insideGate(c, methods, callers, gateBodies, visiting)) {
                return false;
            }
        }
        return true;
    }

    private boolean isDomain(String internalName) {
        int slash = internalName.lastIndexOf('/');
        String pkg = slash < 0 ? "" : internalName.substring(0, slash);
        return domainPackages.contains(pkg);
    }

    private static void use(Map<MethodId, List<String>> uses, MethodId in, String what) {
        uses.computeIfAbsent(in, k -> new ArrayList<>()).add(what);
    }

    private static MethodId id(ClassModel c, MethodModel m) {
        return new MethodId(c.thisClass().asInternalName(), m.methodName().stringValue(), m.methodType().stringValue());
    }
}
