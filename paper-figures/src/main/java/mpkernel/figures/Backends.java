package mpkernel.figures;

import java.util.Comparator;
import java.util.List;

/** Backend names as the experiments write them, the order the figures show them in, and their marks. */
final class Backends {

    /** The unisolated build: the baseline of every overhead. */
    static final String VANILLA = "none";

    /** Cheapest crossing first; backends not listed follow, alphabetically. */
    private static final List<String> ORDER = List.of(VANILLA, "mpk-dry", "mpk", "mprotect");

    /** A mark per backend of {@link #ORDER}, then for the others in turn. */
    private static final List<Mark> MARKS = List.of(new Mark(Mark.Form.CIRCLE, Mark.Tone.WHITE),
            new Mark(Mark.Form.CIRCLE, Mark.Tone.GREY), new Mark(Mark.Form.SQUARE, Mark.Tone.GREY),
            new Mark(Mark.Form.SQUARE, Mark.Tone.BLACK), new Mark(Mark.Form.DIAMOND, Mark.Tone.WHITE),
            new Mark(Mark.Form.TRIANGLE_UP, Mark.Tone.BLACK));

    /** Orders backend names as {@link #ORDER}. */
    static final Comparator<String> ORDERING = Comparator.<String>comparingInt(b -> {
        int i = ORDER.indexOf(b);
        return i < 0 ? ORDER.size() : i;
    }).thenComparing(Comparator.naturalOrder());

    private Backends() {
    }

    /** The mark of {@code backend}; {@code k} counts the unlisted backends of a figure, so that they differ too. */
    static Mark mark(String backend, int k) {
        int i = ORDER.indexOf(backend);
        return MARKS.get(i >= 0 ? i : Math.min(ORDER.size() + k, MARKS.size() - 1));
    }
}
