package mpkernel.user.kv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs requests against the {@link KvStore} and writes their replies: the string commands
 * (GET, SET with EX/PX/NX/XX, DEL, EXISTS, INCR/DECR/INCRBY/DECRBY, MGET, MSET, DBSIZE,
 * FLUSHDB/FLUSHALL), PING and ECHO, and what {@code redis-cli} and {@code redis-benchmark} send
 * on connecting (COMMAND, CONFIG GET, CLIENT, SELECT), answered just enough for them to go on.
 * HELLO is unknown, so clients stay on RESP2. Errors are worded as Redis words them.
 */
final class Commands {

    private static final byte[] EMPTY = new byte[0];

    private final KvStore store;

    Commands(KvStore store) {
        this.store = store;
    }

    /** Runs {@code request} and writes its reply to {@code out}; returns false if the client asked to close (QUIT). */
    boolean run(Request request, ReplyWriter out) {
        if (request.refusal() != null) {
            out.error("ERR " + request.refusal());
            return true;
        }
        List<byte[]> args = request.args();
        String name = new String(args.get(0), StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
        try {
            switch (name) {
                case "GET" -> get(arity(args, 2, 2), out);
                case "SET" -> set(arity(args, 3, -1), out);
                case "PING" -> ping(arity(args, 1, 2), out);
                case "ECHO" -> out.bulk(arity(args, 2, 2).get(1));
                case "DEL" -> out.integer(count(arity(args, 2, -1), true));
                case "EXISTS" -> out.integer(count(arity(args, 2, -1), false));
                case "INCR" -> out.integer(store.add(key(arity(args, 2, 2), 1), 1));
                case "DECR" -> out.integer(store.add(key(arity(args, 2, 2), 1), -1));
                case "INCRBY" -> out.integer(store.add(key(arity(args, 3, 3), 1), integerArg(args.get(2))));
                case "DECRBY" -> out.integer(store.add(key(arity(args, 3, 3), 1), negate(integerArg(args.get(2)))));
                case "MGET" -> mget(arity(args, 2, -1), out);
                case "MSET" -> mset(arity(args, 3, -1), out);
                case "DBSIZE" -> {
                    arity(args, 1, 1);
                    out.integer(store.size());
                }
                case "FLUSHDB", "FLUSHALL" -> {
                    store.clear();
                    out.simple("OK");
                }
                case "COMMAND" -> out.array(0);
                case "CONFIG" -> config(arity(args, 2, -1), out);
                case "CLIENT" -> {
                    arity(args, 2, -1);
                    out.simple("OK");
                }
                case "SELECT" -> select(arity(args, 2, 2), out);
                case "QUIT" -> {
                    out.simple("OK");
                    return false;
                }
                default -> out.error("ERR unknown command '" + text(args.get(0)) + "'");
            }
        } catch (CommandError e) {
            out.error(e.getMessage());
        }
        return true;
    }

    private void get(List<byte[]> args, ReplyWriter out) {
        byte[] value = store.get(KvStore.key(args.get(1)));
        if (value == null) {
            out.nullBulk();
        } else {
            out.bulk(value);
        }
    }

    /** {@code SET key value [NX|XX] [EX seconds|PX milliseconds]}, options in any order. */
    private void set(List<byte[]> args, ReplyWriter out) throws CommandError {
        KvStore.Condition condition = KvStore.Condition.ALWAYS;
        long ttl = 0;
        boolean timed = false;
        for (int i = 3; i < args.size(); i++) {
            String option = text(args.get(i)).toUpperCase(Locale.ROOT);
            switch (option) {
                case "NX", "XX" -> {
                    if (condition != KvStore.Condition.ALWAYS) {
                        throw new CommandError("ERR syntax error");
                    }
                    condition = option.equals("NX") ? KvStore.Condition.ABSENT : KvStore.Condition.PRESENT;
                }
                case "EX", "PX" -> {
                    if (timed || i + 1 == args.size()) {
                        throw new CommandError("ERR syntax error");
                    }
                    long amount = integerArg(args.get(++i));
                    long unit = option.equals("EX") ? 1_000_000_000L : 1_000_000L;
                    if (amount <= 0 || amount > Long.MAX_VALUE / unit) {
                        throw new CommandError("ERR invalid expire time in 'set' command");
                    }
                    ttl = amount * unit;
                    timed = true;
                }
                default -> throw new CommandError("ERR syntax error");
            }
        }
        if (store.set(KvStore.key(args.get(1)), args.get(2), ttl, condition)) {
            out.simple("OK");
        } else {
            out.nullBulk();
        }
    }

    private static void ping(List<byte[]> args, ReplyWriter out) {
        if (args.size() == 1) {
            out.simple("PONG");
        } else {
            out.bulk(args.get(1));
        }
    }

    /** How many of the keys after the name have a value, removing them if {@code delete}: as in Redis, EXISTS counts a key named twice twice, DEL once (the second finds it gone). */
    private long count(List<byte[]> args, boolean delete) {
        long n = 0;
        for (byte[] key : args.subList(1, args.size())) {
            String k = KvStore.key(key);
            if (delete ? store.delete(k) : store.exists(k)) {
                n++;
            }
        }
        return n;
    }

    private void mget(List<byte[]> args, ReplyWriter out) {
        out.array(args.size() - 1);
        for (byte[] key : args.subList(1, args.size())) {
            byte[] value = store.get(KvStore.key(key));
            if (value == null) {
                out.nullBulk();
            } else {
                out.bulk(value);
            }
        }
    }

    private void mset(List<byte[]> args, ReplyWriter out) throws CommandError {
        if (args.size() % 2 == 0) {
            throw wrongArity(args);
        }
        for (int i = 1; i < args.size(); i += 2) {
            store.set(KvStore.key(args.get(i)), args.get(i + 1), 0, KvStore.Condition.ALWAYS);
        }
        out.simple("OK");
    }

    /** {@code CONFIG GET name...}: the pairs of the parameters redis-benchmark asks for, none for the rest. */
    private static void config(List<byte[]> args, ReplyWriter out) throws CommandError {
        String sub = text(args.get(1));
        if (!sub.equalsIgnoreCase("GET")) {
            throw new CommandError("ERR unknown subcommand '" + sub + "'. Try CONFIG HELP.");
        }
        arity(args, 3, -1);
        List<String> known = new ArrayList<>();
        for (byte[] name : args.subList(2, args.size())) {
            String n = text(name).toLowerCase(Locale.ROOT);
            if (n.equals("save") || n.equals("appendonly")) {
                known.add(n);
            }
        }
        out.array(2 * known.size());
        for (String n : known) {
            out.bulk(n.getBytes(StandardCharsets.US_ASCII));
            out.bulk(n.equals("save") ? EMPTY : "no".getBytes(StandardCharsets.US_ASCII)); // no snapshots, no log
        }
    }

    private static void select(List<byte[]> args, ReplyWriter out) throws CommandError {
        if (integerArg(args.get(1)) != 0) {
            throw new CommandError("ERR DB index is out of range");
        }
        out.simple("OK");
    }

    /** {@code args} if it has {@code min} to {@code max} (-1: any) entries, the name included. */
    private static List<byte[]> arity(List<byte[]> args, int min, int max) throws CommandError {
        if (args.size() < min || (max >= 0 && args.size() > max)) {
            throw wrongArity(args);
        }
        return args;
    }

    private static CommandError wrongArity(List<byte[]> args) {
        return new CommandError("ERR wrong number of arguments for '" + text(args.get(0)).toLowerCase(Locale.ROOT) + "' command");
    }

    private static String key(List<byte[]> args, int i) {
        return KvStore.key(args.get(i));
    }

    private static long integerArg(byte[] bytes) throws CommandError {
        Long n = integer(bytes);
        if (n == null) {
            throw new CommandError(CommandError.NOT_AN_INTEGER);
        }
        return n;
    }

    private static long negate(long n) throws CommandError {
        if (n == Long.MIN_VALUE) {
            throw new CommandError("ERR decrement would overflow");
        }
        return -n;
    }

    /**
     * {@code bytes} as a 64-bit integer if they are one written as Redis writes it (an optional
     * minus, no plus, no leading zeros, no blanks); null otherwise.
     */
    static Long integer(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > 20) {
            return null;
        }
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            long n = Long.parseLong(s);
            return Long.toString(n).equals(s) ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A client's bytes for an error text. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
