package mpkernel.user.http;

import java.util.concurrent.atomic.LongAdder;

/** Counts shared by the connections' tasks, for the line the server prints when it exits. */
final class ServerStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder connections = new LongAdder();

    void requestServed() {
        requests.increment();
    }

    void connectionEnded() {
        connections.increment();
    }

    /** {@code "N requests on M connections"}. */
    String summary() {
        return requests.sum() + " requests on " + connections.sum() + " connections";
    }
}
