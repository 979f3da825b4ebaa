/**
 * Demonstration attacks (domain {@code USER}). Unlike {@code mpkernel.userzone}, this module is
 * granted native access ({@code --enable-native-access=mpkernel.attacks}), as a user program
 * with a native library or an FFM-happy dependency would be: the type system no longer confines
 * it, so only memory protection stands between it and the kernel.
 */
module mpkernel.attacks {
    requires mpkernel.kernel;
    requires mpkernel.annotations;
    provides mpkernel.kernel.api.UserProgram with mpkernel.attacks.AttackReadSecret, mpkernel.attacks.FaultWorkload;
}
