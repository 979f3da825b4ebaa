package mpkernel.user.kv;

import java.util.List;

/**
 * The arguments of {@code kv-server [--max-value BYTES] [PORT [CONNECTIONS]]}.
 *
 * @param maxValue the largest bulk string (a key or a value) a client may send, at most {@link #HARD_LIMIT}
 * @param port the TCP port, 1..65535
 * @param connections exit once this many connections have ended; 0 for never
 */
record KvArgs(long maxValue, int port, long connections) {

    /** The usage line printed for arguments that are not these. */
    static final String USAGE = "usage: kv-server [--max-value BYTES] [PORT [CONNECTIONS]]";
    /** Redis's own limit on a bulk string; a larger configured limit is lowered to it. */
    static final long HARD_LIMIT = 512L << 20;
    /** The default limit on a bulk string. */
    static final long DEFAULT_MAX_VALUE = 64L << 20;
    /** Redis's port. */
    static final int DEFAULT_PORT = 6379;

    /** The arguments {@code args} name, or null if they are not {@link #USAGE}. */
    static KvArgs parse(List<String> args) {
        long maxValue = DEFAULT_MAX_VALUE;
        int i = 0;
        if (!args.isEmpty() && args.get(0).equals("--max-value")) {
            if (args.size() < 2) {
                return null;
            }
            maxValue = bytes(args.get(1));
            if (maxValue < 0) {
                return null;
            }
            i = 2;
        }
        List<String> rest = args.subList(i, args.size());
        if (rest.size() > 2) {
            return null;
        }
        try {
            int port = rest.isEmpty() ? DEFAULT_PORT : Integer.parseInt(rest.get(0));
            long connections = rest.size() < 2 ? 0 : Long.parseLong(rest.get(1));
            if (port < 1 || port > 65535 || connections < 0) {
                return null;
            }
            return new KvArgs(Math.min(maxValue, HARD_LIMIT), port, connections);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 1000}, {@code 64k}, {@code 64M}, {@code 1G} (binary multiples) as bytes; -1 if none of those. */
    static long bytes(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long unit = switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 12) {
            return -1;
        }
        return Long.parseLong(digits) * unit;
    }

    /** Whether {@code ended} connections are all this server serves. */
    boolean done(long ended) {
        return connections > 0 && ended >= connections;
    }
}
