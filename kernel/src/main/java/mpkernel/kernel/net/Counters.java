package mpkernel.kernel.net;

import java.lang.foreign.MemorySegment;

import mpkernel.kernel.mm.StaticArea;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** The stack's counters: one 64-bit word per {@link Counter}, in a table of the stack's memory. */
final class Counters {

    private final MemorySegment table;

    Counters(StaticArea tables) {
        this.table = tables.carve(8L * Counter.values().length);
    }

    void add(Counter c, long n) {
        table.setAtIndex(JAVA_LONG, c.ordinal(), table.getAtIndex(JAVA_LONG, c.ordinal()) + n);
    }

    void count(Counter c) {
        add(c, 1);
    }

    long get(Counter c) {
        return table.getAtIndex(JAVA_LONG, c.ordinal());
    }

    /** Every drop counter together. */
    long drops() {
        long sum = 0;
        for (Counter c : Counter.values()) {
            sum += c.isDrop() ? get(c) : 0;
        }
        return sum;
    }

    /** {@code name value} lines, then the total of drops. */
    void describe(StringBuilder out) {
        for (Counter c : Counter.values()) {
            out.append(c.label()).append(' ').append(get(c)).append('\n');
        }
        out.append("drops ").append(drops()).append('\n');
    }
}
