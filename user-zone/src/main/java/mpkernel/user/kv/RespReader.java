package mpkernel.user.kv;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the requests of one connection out of its {@link InputBuffer}, incrementally: a
 * request split across {@code recv}s is taken once its last byte arrived, whatever the split.
 * Requests are RESP arrays of bulk strings ({@code *2\r\n$3\r\nGET\r\n$1\r\nk\r\n}), as clients
 * send them, or inline lines ({@code GET k\r\n}), as typed into {@code nc}: words split at
 * blanks, where {@code "..."} (with backslash escapes) and {@code '...'} hold blanks.
 *
 * <p>A bulk string over the limit is not read into memory: the request is answered with a
 * refusal and its bytes are skipped as they arrive.
 */
final class RespReader {

    /** The longest inline request or length line, as Redis allows. */
    static final int MAX_LINE = 64 * 1024;
    /** The most arguments in one request, as Redis allows. */
    static final long MAX_ARGS = 1024 * 1024;

    private final InputBuffer in;
    private final long maxValue;
    /** Arguments still to come in the request being read; -1 between requests. */
    private long argsLeft = -1;
    private List<byte[]> args;
    private String refusal;
    /** Bytes of a refused bulk string still to be skipped. */
    private long skip;

    /** A reader of {@code in} that refuses bulk strings over {@code maxValue} bytes. */
    RespReader(InputBuffer in, long maxValue) {
        this.in = in;
        this.maxValue = maxValue;
    }

    /** The next complete request; null when its end has not arrived yet (nothing is lost). */
    Request next() throws ProtocolError {
        while (true) {
            if (skip > 0) {
                long n = Math.min(skip, in.available());
                in.consume(n);
                skip -= n;
                if (skip > 0) {
                    return null;
                }
            }
            if (argsLeft == 0) {
                Request done = new Request(args, refusal);
                argsLeft = -1;
                args = null;
                refusal = null;
                return done;
            }
            if (argsLeft > 0) {
                if (!readBulk()) {
                    return null;
                }
            } else if (in.available() == 0) {
                return null;
            } else if (in.at(0) == '*') {
                long eol = line("multibulk count");
                if (eol < 0) {
                    return null;
                }
                long count = number(1, eol, "invalid multibulk length");
                in.consume(eol + 1);
                if (count > MAX_ARGS) {
                    throw new ProtocolError("invalid multibulk length");
                }
                if (count > 0) { // *0 and *-1 are no requests: nothing to answer
                    argsLeft = count;
                    args = new ArrayList<>((int) Math.min(count, 16));
                }
            } else {
                long eol = line("inline request");
                if (eol < 0) {
                    return null;
                }
                List<byte[]> words = words(in.copy(0, (int) eol));
                in.consume(eol + 1);
                if (!words.isEmpty()) {
                    return new Request(words, null);
                }
            }
        }
    }

    /** Reads one bulk string of the current request, or starts skipping it; false if it has not all arrived. */
    private boolean readBulk() throws ProtocolError {
        long eol = line("bulk count");
        if (eol < 0) {
            return false;
        }
        if (in.at(0) != '$') {
            throw new ProtocolError("expected '$', got '" + ReplyWriter.printable((char) (in.at(0) & 0xff)) + "'");
        }
        long length = number(1, eol, "invalid bulk length");
        if (length < 0) {
            throw new ProtocolError("invalid bulk length");
        }
        if (length > maxValue) {
            in.consume(eol + 1);
            skip = length + 2;
            if (refusal == null) {
                refusal = "value too large (" + length + " bytes, limit " + maxValue + ")";
            }
            argsLeft--;
            return true;
        }
        long total = eol + 1 + length + 2;
        if (in.available() < total) {
            in.reserve(total);
            return false;
        }
        if (in.at(eol + 1 + length) != '\r' || in.at(eol + 2 + length) != '\n') {
            throw new ProtocolError("bulk string of " + length + " bytes not followed by CRLF");
        }
        if (refusal == null) { // a refused request's arguments are not kept
            args.add(in.copy(eol + 1, (int) length));
        }
        in.consume(total);
        argsLeft--;
        return true;
    }

    /** The offset of the {@code '\n'} ending the line at the first unparsed byte; -1 if it has not arrived. */
    private long line(String what) throws ProtocolError {
        long eol = in.indexOfNewline(0, MAX_LINE);
        if (eol < 0 && in.available() >= MAX_LINE) {
            throw new ProtocolError("too big " + what);
        }
        return eol;
    }

    /** The decimal number in the unparsed bytes {@code [from, eol)}, a {@code '\r'} before {@code eol} ignored. */
    private long number(long from, long eol, String error) throws ProtocolError {
        long stop = eol > from && in.at(eol - 1) == '\r' ? eol - 1 : eol;
        boolean negative = stop > from && in.at(from) == '-';
        long i = negative ? from + 1 : from;
        if (i == stop || stop - i > 18) {
            throw new ProtocolError(error);
        }
        long value = 0;
        for (; i < stop; i++) {
            byte b = in.at(i);
            if (b < '0' || b > '9') {
                throw new ProtocolError(error);
            }
            value = value * 10 + (b - '0');
        }
        return negative ? -value : value;
    }

    /** The words of an inline request line (its {@code '\r'}, if any, is a blank). */
    static List<byte[]> words(byte[] line) throws ProtocolError {
        List<byte[]> words = new ArrayList<>();
        int i = 0;
        while (true) {
            while (i < line.length && isBlank(line[i])) {
                i++;
            }
            if (i == line.length) {
                return words;
            }
            ByteArrayOutputStream word = new ByteArrayOutputStream();
            while (i < line.length && !isBlank(line[i])) {
                byte b = line[i++];
                if (b == '"' || b == '\'') {
                    i = quoted(line, i, b, word);
                } else {
                    word.write(b);
                }
            }
            words.add(word.toByteArray());
        }
    }

    /** Copies a quoted part that began before {@code i} into {@code word}; returns the index after its closing quote. */
    private static int quoted(byte[] line, int i, byte quote, ByteArrayOutputStream word) throws ProtocolError {
        while (i < line.length) {
            byte b = line[i++];
            if (b == quote) {
                return i;
            }
            if (b == '\\' && quote == '"' && i < line.length) {
                byte e = line[i++];
                word.write(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                word.write(b);
            }
        }
        throw new ProtocolError("unbalanced quotes in request");
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
