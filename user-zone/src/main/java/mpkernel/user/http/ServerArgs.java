package mpkernel.user.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of {@code http-server [--root DIR] [PORT [CONNECTIONS]]}.
 *
 * @param root the document root, an absolute normalised kernel path ({@link PathResolver#isCleanRoot})
 * @param port the TCP port, 1..65535
 * @param connections how many connections to serve before exiting, 0 for no limit
 */
record ServerArgs(String root, int port, long connections) {

    static final String USAGE = "usage: http-server [--root DIR] [PORT [CONNECTIONS]]";
    static final String DEFAULT_ROOT = "/host";
    static final int DEFAULT_PORT = 80;

    /** The arguments {@code args} give, or {@code null} if they are not of the usage's form. */
    static ServerArgs parse(List<String> args) {
        String root = DEFAULT_ROOT;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--root") && i + 1 < args.size()) {
                root = args.get(++i);
            } else if (a.startsWith("--root=")) {
                root = a.substring("--root=".length());
            } else if (a.startsWith("-")) {
                return null;
            } else {
                positional.add(a);
            }
        }
        if (positional.size() > 2 || !PathResolver.isCleanRoot(root)) {
            return null;
        }
        try {
            int port = positional.isEmpty() ? DEFAULT_PORT : Integer.parseInt(positional.get(0));
            long connections = positional.size() < 2 ? 0 : Long.parseLong(positional.get(1));
            return port >= 1 && port <= 65535 && connections >= 0 ? new ServerArgs(root, port, connections) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether {@code served} connections are all this run serves. */
    boolean done(long served) {
        return connections > 0 && served >= connections;
    }
}
