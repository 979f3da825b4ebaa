package mpkernel.user.kv;

import java.util.List;

/**
 * One request a client sent: its arguments, the command name first; or, when one of its bulk
 * strings was over the limit and so skipped unread, the reason it is refused.
 *
 * @param args the arguments, as sent (those after a refused one may be missing)
 * @param refusal null, or the error text to answer instead of running the command
 */
record Request(List<byte[]> args, String refusal) {
}
