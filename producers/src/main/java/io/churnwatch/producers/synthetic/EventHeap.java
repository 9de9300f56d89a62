package io.churnwatch.producers.synthetic;

import java.util.Arrays;

/**
 * A min-heap of (time, customer) pairs in two primitive arrays: 12 bytes per customer, so the next event of
 * every one of millions of customers can wait in memory without an object each. Ties go to the lower customer
 * index, which keeps the output deterministic.
 */
final class EventHeap {

    private long[] times;
    private int[] customers;
    private int size;

    EventHeap(int capacity) {
        times = new long[Math.max(1, capacity)];
        customers = new int[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekTime() {
        return times[0];
    }

    int peekCustomer() {
        return customers[0];
    }

    void add(long time, int customer) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            customers = Arrays.copyOf(customers, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, customer, times[parent], customers[parent])) {
                break;
            }
            times[i] = times[parent];
            customers[i] = customers[parent];
            i = parent;
        }
        times[i] = time;
        customers[i] = customer;
    }

    /** Removes the earliest entry (read it with peek first). */
    void removeFirst() {
        size--;
        if (size == 0) {
            return;
        }
        long time = times[size];
        int customer = customers[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(times[right], customers[right], times[child], customers[child])) {
                child = right;
            }
            if (!less(times[child], customers[child], time, customer)) {
                break;
            }
            times[i] = times[child];
            customers[i] = customers[child];
            i = child;
        }
        times[i] = time;
        customers[i] = customer;
    }

    private static boolean less(long t1, int c1, long t2, int c2) {
        return t1 < t2 || (t1 == t2 && c1 < c2);
    }
}
