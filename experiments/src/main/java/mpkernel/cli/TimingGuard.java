package mpkernel.cli;

/**
 * Where the commands that time things ({@code reproduce}, {@code bench}) may run. On a host
 * they measure. Inside the PKU guest every time is an emulation artefact (QEMU TCG), so they
 * refuse, unless told {@code --emulated}: then they run the same path a PKU host runs, for
 * checking that path, with every result labelled (provenance {@code timing}) and written to
 * {@code results/emulated/}, where no figure and no summary looks.
 */
final class TimingGuard {

    private TimingGuard() {
    }

    /** The option that lets a timing command run inside the guest. */
    static final String OPTION = "--emulated";

    /**
     * Refuses a timing command where its times would mean nothing, or an {@value #OPTION}
     * where they are real.
     *
     * @param command the command's name, for the message
     * @param emulated whether {@value #OPTION} was given
     * @param hostAdvice what to run on the host instead
     * @throws UserError when the command must not run as asked
     */
    static void check(String command, boolean emulated, Machine machine, String hostAdvice) {
        if (machine.insideQemu() && !emulated) {
            throw new UserError(command + ": inside QEMU every time is an emulation artefact; " + hostAdvice
                    + " (" + OPTION + " runs it here anyway, every time labelled as an artefact)");
        }
        if (emulated && !machine.insideQemu()) {
            throw new UserError(command + ": " + OPTION + " is for runs inside the PKU guest; times taken here are measured");
        }
    }
}
