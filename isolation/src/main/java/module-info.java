/**
 * The MPK isolation core: protection domains, their PKRU policy, pkey-tagged domain memory
 * and the gates that switch rights on every domain crossing.
 *
 * <p>This module imports nothing of the kernel or the zones: domains plug in from outside
 * through {@link mpkernel.isolation.Policy}. It is one of the few modules granted native
 * access ({@code --enable-native-access=mpkernel.isolation}).
 */
module mpkernel.isolation {
    exports mpkernel.isolation;
    exports mpkernel.isolation.fault;
}
