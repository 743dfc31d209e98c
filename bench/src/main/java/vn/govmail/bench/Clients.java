package vn.govmail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Runs N concurrent clients, one platform thread each, and waits for all of them. */
final class Clients {
    private Clients() {
    }

    @FunctionalInterface
    interface Client {
        void run(int number) throws Exception;
    }

    static void runAll(int count, String name, Client client) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int number = i;
            threads.add(Thread.ofPlatform().name(name + "-" + i).start(() -> {
                try {
                    client.run(number);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
