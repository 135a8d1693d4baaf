package org.gatehouse.connector.excel.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.powerquery.LocalFileAccess;
import org.gatehouse.powerquery.PowerQuery;
import org.junit.Test;

/** A cancel stops a read even inside a row whose computation never ends. */
public class ResultRowSourceCancelTest {

    @Test(timeout = 60_000)
    public void aCancelStopsARowThatNeverEnds() throws Exception {
        // a list literal's items are lazy and the column is typed: opening the stream computes no cell
        String section = "section Section1; shared Q = #table(type table [b = number], "
                + "{{List.Last(List.Generate(() => 0, each true, each _ + 1))}});";
        ResultRowSource rows = new ResultRowSource(PowerQuery.stream(section, "Q", new LocalFileAccess()), "demo: ",
                "demo: Q failed with M error ");
        AtomicReference<ConnectorException> failure = new AtomicReference<>();
        AtomicBoolean interruptLeftOver = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                rows.next(new Object[2]);
            } catch (ConnectorException e) {
                failure.set(e);
            }
            interruptLeftOver.set(Thread.currentThread().isInterrupted());
        });
        reader.start();
        Thread.sleep(500); // well inside the endless row
        rows.cancel();
        reader.join(30_000);
        assertFalse("the read is still running", reader.isAlive());
        assertNotNull(failure.get());
        assertEquals(ConnectorException.Reason.CANCELLED, failure.get().reason());
        assertFalse("the reading thread kept the interrupt", interruptLeftOver.get());
        rows.close();
    }
}
