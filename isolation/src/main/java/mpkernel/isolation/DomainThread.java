package mpkernel.isolation;

/** A platform thread that carries its gate state in a field, so crossings skip the thread-local lookup. */
final class DomainThread extends Thread {
    final ThreadState state = new ThreadState();

    DomainThread(String name, Runnable task) {
        super(null, task, name, 0, false);
    }
}
