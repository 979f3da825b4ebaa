package mpkernel.figures;

import java.util.Comparator;
import java.util.List;

/** Backend names as the experiments write them, and the order the figures show them in. */
final class Backends {

    /** The unisolated build: the baseline of every overhead. */
    static final String VANILLA = "none";

    /** Cheapest crossing first; backends not listed follow, alphabetically. */
    private static final List<String> ORDER = List.of(VANILLA, "mpk-dry", "mpk", "mprotect");

    /** Orders backend names as {@link #ORDER}. */
    static final Comparator<String> ORDERING = Comparator.<String>comparingInt(b -> {
        int i = ORDER.indexOf(b);
        return i < 0 ? ORDER.size() : i;
    }).thenComparing(Comparator.naturalOrder());

    private Backends() {
    }
}
