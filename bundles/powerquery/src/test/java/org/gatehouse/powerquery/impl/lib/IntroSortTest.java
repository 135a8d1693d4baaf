package org.gatehouse.powerquery.impl.lib;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.Test;

public class IntroSortTest {

    @Test
    public void sortsLikeAnyCorrectSort() {
        Random random = new Random(42);
        for (int n : new int[] {0, 1, 2, 3, 5, 16, 17, 100, 5000}) {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(random.nextInt(n / 3 + 1));
            }
            List<Integer> expected = new ArrayList<>(items);
            expected.sort(null);
            IntroSort.sort(items, Comparator.naturalOrder());
            assertEquals("n=" + n, expected, items);
        }
    }

    @Test
    public void alreadySortedAndReversedInputs() {
        List<Integer> up = new ArrayList<>(), down = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            up.add(i);
            down.add(999 - i);
        }
        IntroSort.sort(down, Comparator.naturalOrder());
        assertEquals(up, down);
    }
}
