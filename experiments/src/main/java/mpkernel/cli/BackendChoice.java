package mpkernel.cli;

import java.util.ArrayList;
import java.util.List;

import mpkernel.isolation.Backend;

/**
 * The isolated backends that the experiments comparing backends ({@code ./mpk sweep},
 * {@code ./mpk netbench}) run: by default every one that works on this machine, or those the
 * user names with {@code --backends}, each checked against the machine.
 */
final class BackendChoice {

    private BackendChoice() {
    }

    /** mpk-dry and mprotect, and mpk where the machine has PKU. */
    static List<Backend> isolatedDefaults(Machine machine) {
        List<Backend> all = new ArrayList<>(List.of(Backend.MPK_DRY, Backend.MPROTECT));
        if (machine.pku().available()) {
            all.add(Backend.MPK);
        }
        return all;
    }

    /**
     * The backend {@code name} names.
     *
     * @param command the command's name, which starts the message of a mistake
     * @throws UserError when no backend has that name, or when it is mpk on a machine without PKU
     */
    static Backend parse(String command, String name, Machine machine) {
        Backend b = RunCommand.parseBackend(name);
        if (b == Backend.MPK && !machine.pku().available()) {
            throw new UserError(command + ": backend mpk needs PKU, which this machine lacks");
        }
        return b;
    }
}
