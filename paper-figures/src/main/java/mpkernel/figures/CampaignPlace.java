package mpkernel.figures;

import mpkernel.results.Provenance;

/**
 * Where a fault campaign ran, as its provenance says: the pace of a campaign depends on that
 * more than on anything else (a trial under QEMU's TCG emulation takes tens of times longer), so
 * campaigns of different places are never compared as if alike. In the order the figures show them.
 */
enum CampaignPlace {

    /** On the host, which has no PKU: {@code inside_qemu: no}, {@code pku: no}. */
    HOST("host", "host", "host (no PKU, not QEMU)", new Mark(Mark.Form.CIRCLE, Mark.Tone.WHITE)),
    /** On a machine whose CPU has PKU, not emulated: {@code inside_qemu: no}, {@code pku: yes}. */
    NATIVE_PKU("native PKU", "native PKU", "native PKU (not QEMU)", new Mark(Mark.Form.SQUARE, Mark.Tone.BLACK)),
    /** Inside the QEMU guest that emulates PKU with TCG: {@code inside_qemu: yes}. */
    GUEST("PKU guest (QEMU TCG)", "QEMU guest", "PKU guest (QEMU TCG emulation)", new Mark(Mark.Form.DIAMOND, Mark.Tone.GREY)),
    /** The file does not say whether it ran inside QEMU, or whether the CPU had PKU. */
    UNKNOWN("place unknown", "unknown", "place unknown (no inside_qemu or pku recorded)", new Mark(Mark.Form.TRIANGLE_UP, Mark.Tone.WHITE));

    private final String label;
    private final String axis;
    private final String legend;
    private final Mark mark;

    CampaignPlace(String label, String axis, String legend, Mark mark) {
        this.label = label;
        this.axis = axis;
        this.legend = legend;
        this.mark = mark;
    }

    /**
     * The place of a campaign whose provenance is {@code p}. Being inside QEMU decides first,
     * since the guest emulates PKU whatever the host has; outside it, PKU or not.
     */
    static CampaignPlace of(Provenance p) {
        String qemu = p.get("inside_qemu");
        String pku = p.get("pku");
        if (yes(qemu)) {
            return GUEST;
        }
        if (!no(qemu)) {
            return UNKNOWN;
        }
        return yes(pku) ? NATIVE_PKU : no(pku) ? HOST : UNKNOWN;
    }

    /** Its name in a caption, e.g. {@code PKU guest (QEMU TCG)}. */
    String label() {
        return label;
    }

    /** Its short name on a category axis, e.g. {@code QEMU guest}: short enough to stand upright. */
    String axis() {
        return axis;
    }

    /** Its name in the figure's legend, with what decides it. */
    String legend() {
        return legend;
    }

    /** Its mark: places differ by form and tone, so that the figure reads in black and white. */
    Mark mark() {
        return mark;
    }

    // As Provenance.platform() reads these fields: yes or true, no or false.
    private static boolean yes(String v) {
        return v.equals("yes") || v.equals("true");
    }

    private static boolean no(String v) {
        return v.equals("no") || v.equals("false");
    }
}
