/**
 * Demonstration attacks (domain {@code USER}). Unlike {@code mpkernel.userzone}, this module is
 * granted native access ({@code --enable-native-access=mpkernel.attacks}), as a user program
 * with a native library or an FFM-happy dependency would be: the type system no longer confines
 * it, so only memory protection and the kernel's care stand between it and the kernel.
 */
module mpkernel.attacks {
    requires mpkernel.annotations;
    requires mpkernel.kernel;
    provides mpkernel.kernel.api.UserProgram with
            mpkernel.attacks.AttackReadSecret,
            mpkernel.attacks.AttackConstructor,
            mpkernel.attacks.AttackToString,
            mpkernel.attacks.AttackInheritedRights,
            mpkernel.attacks.AttackGateStack,
            mpkernel.attacks.AttackPollAfterMain,
            mpkernel.attacks.AttackForgeReport,
            mpkernel.attacks.AttackHeapScan,
            mpkernel.attacks.AttackDeviceMemory,
            mpkernel.attacks.AttackTaskNeighbour,
            mpkernel.attacks.FaultWorkload;
}
