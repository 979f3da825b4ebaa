package mpkernel.user.net;

import java.util.List;

import mpkernel.kernel.api.Sys;

/**
 * The arguments of a server program, {@code [PORT [COUNT]]}: the port to serve (its default
 * when absent) and how many connections or datagrams to serve before exiting (0: forever).
 *
 * @param port the port, 1..65535
 * @param count how many to serve, 0 for no limit
 */
record Service(int port, long count) {

    /**
     * The service {@code args} name; null, with {@code usage: PROGRAM [PORT [COUNT]]} on
     * standard error, if they are not that.
     */
    static Service parse(Sys sys, List<String> args, int defaultPort, String program, String count) {
        Service s = parse(args, defaultPort);
        if (s == null) {
            sys.write(Sys.STDERR, "usage: " + program + " [PORT [" + count + "]]\n");
        }
        return s;
    }

    private static Service parse(List<String> args, int defaultPort) {
        if (args.size() > 2) {
            return null;
        }
        try {
            int port = args.isEmpty() ? defaultPort : Integer.parseInt(args.get(0));
            long count = args.size() < 2 ? 0 : Long.parseLong(args.get(1));
            return port >= 1 && port <= 65535 && count >= 0 ? new Service(port, count) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code served} reached the count. */
    boolean done(long served) {
        return count > 0 && served >= count;
    }
}
