package org.gatehouse.powerquery.impl.lib;

import java.util.Comparator;
import java.util.List;

/**
 * An introspective sort (insertion sort for small ranges, median-of-three quicksort, heapsort past a depth limit) in
 * the shape of the .NET runtime's array sort. Power Query runs on .NET and its Table.Sort is not stable; ordering ties
 * the way such a sort does reproduces Excel's cached results where a stable sort does not.
 */
final class IntroSort {

    private IntroSort() {
    }

    static <T> void sort(List<T> items, Comparator<? super T> cmp) {
        int n = items.size();
        if (n < 2) {
            return;
        }
        introSort(items, cmp, 0, n - 1, 2 * (31 - Integer.numberOfLeadingZeros(n)));
    }

    private static <T> void introSort(List<T> a, Comparator<? super T> cmp, int lo, int hi, int depthLimit) {
        while (hi > lo) {
            int size = hi - lo + 1;
            if (size <= 16) {
                if (size == 2) {
                    swapIfGreater(a, cmp, lo, hi);
                } else if (size == 3) {
                    swapIfGreater(a, cmp, lo, hi - 1);
                    swapIfGreater(a, cmp, lo, hi);
                    swapIfGreater(a, cmp, hi - 1, hi);
                } else {
                    insertionSort(a, cmp, lo, hi);
                }
                return;
            }
            if (depthLimit == 0) {
                heapSort(a, cmp, lo, hi);
                return;
            }
            depthLimit--;
            int p = partition(a, cmp, lo, hi);
            introSort(a, cmp, p + 1, hi, depthLimit);
            hi = p - 1;
        }
    }

    private static <T> int partition(List<T> a, Comparator<? super T> cmp, int lo, int hi) {
        int mid = lo + (hi - lo) / 2;
        swapIfGreater(a, cmp, lo, mid);
        swapIfGreater(a, cmp, lo, hi);
        swapIfGreater(a, cmp, mid, hi);
        T pivot = a.get(mid);
        swap(a, mid, hi - 1);
        int left = lo, right = hi - 1;
        while (left < right) {
            while (cmp.compare(a.get(++left), pivot) < 0) {
                // advance
            }
            while (cmp.compare(pivot, a.get(--right)) < 0) {
                // retreat
            }
            if (left >= right) {
                break;
            }
            swap(a, left, right);
        }
        swap(a, left, hi - 1);
        return left;
    }

    private static <T> void insertionSort(List<T> a, Comparator<? super T> cmp, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            int j = i;
            T t = a.get(i + 1);
            while (j >= lo && cmp.compare(t, a.get(j)) < 0) {
                a.set(j + 1, a.get(j));
                j--;
            }
            a.set(j + 1, t);
        }
    }

    private static <T> void heapSort(List<T> a, Comparator<? super T> cmp, int lo, int hi) {
        int n = hi - lo + 1;
        for (int i = n / 2; i >= 1; i--) {
            downHeap(a, cmp, i, n, lo);
        }
        for (int i = n; i > 1; i--) {
            swap(a, lo, lo + i - 1);
            downHeap(a, cmp, 1, i - 1, lo);
        }
    }

    private static <T> void downHeap(List<T> a, Comparator<? super T> cmp, int i, int n, int lo) {
        T d = a.get(lo + i - 1);
        while (i <= n / 2) {
            int child = 2 * i;
            if (child < n && cmp.compare(a.get(lo + child - 1), a.get(lo + child)) < 0) {
                child++;
            }
            if (!(cmp.compare(d, a.get(lo + child - 1)) < 0)) {
                break;
            }
            a.set(lo + i - 1, a.get(lo + child - 1));
            i = child;
        }
        a.set(lo + i - 1, d);
    }

    private static <T> void swapIfGreater(List<T> a, Comparator<? super T> cmp, int i, int j) {
        if (i != j && cmp.compare(a.get(i), a.get(j)) > 0) {
            swap(a, i, j);
        }
    }

    private static <T> void swap(List<T> a, int i, int j) {
        T t = a.get(i);
        a.set(i, a.get(j));
        a.set(j, t);
    }
}
