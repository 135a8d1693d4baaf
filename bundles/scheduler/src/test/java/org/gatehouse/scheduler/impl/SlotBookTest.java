package org.gatehouse.scheduler.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.gatehouse.api.schedule.MisfirePolicy;
import org.gatehouse.api.schedule.Schedules;
import org.gatehouse.api.schedule.Timing;
import org.gatehouse.core.impl.schedule.ScheduleService;
import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The in-memory account of fired slots and its batched writes, on a real embedded store. */
public class SlotBookTest {

    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private GatewayStore store;
    private Schedules schedules;
    private SlotBook book;

    @Before
    public void open() throws Exception {
        store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:" + folder.getRoot() + "/store",
                "", "", 30, 1000), Clock.systemUTC());
        schedules = new ScheduleService(store.schedules(), new DefinedDatasets("sales", "stock"), store.recorder());
        for (String dataset : new String[] {"sales", "stock"}) {
            schedules.set(dataset, new Timing.Cron("* * * * * ?", ZoneId.of("UTC")), MisfirePolicy.SKIP);
        }
        book = new SlotBook(schedules);
    }

    @After
    public void close() {
        book.close();
        store.close();
    }

    @Test
    public void aSlotIsAccountedForOnceAndTheStoreLearnsTheLatestInOneWrite() {
        Instant set = schedules.lastSlot("sales").orElseThrow();
        Instant first = set.plusSeconds(1);
        Instant second = set.plusSeconds(2);
        assertTrue(book.fired("sales", first));
        assertFalse("the same slot again does not run", book.fired("sales", first));
        assertTrue(book.fired("sales", second));
        assertFalse("an earlier slot after a later one does not run", book.fired("sales", first));
        assertEquals("known before it is written", second, book.lastSlot("sales").orElseThrow());

        book.write();
        assertEquals(second, schedules.lastSlot("sales").orElseThrow());
    }

    @Test
    public void accountedSlotsDoNotRunAndBatchedWritesNeverGoBack() {
        Instant now = Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        book.accountedUntil("stock", now);
        assertFalse(book.fired("stock", now.minusSeconds(3)));
        assertTrue(book.fired("stock", now.plusSeconds(1)));

        schedules.recordSlot("sales", now.plusSeconds(100));
        schedules.recordSlots(Map.of("sales", now));
        assertEquals("a late batched write does not undo a later slot", now.plusSeconds(100),
                schedules.lastSlot("sales").orElseThrow());
    }
}
