package org.gatehouse.scheduler.impl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.api.Schema;
import org.gatehouse.api.refresh.ResultDelivery;

/** Keeps how each delivered result ended, as the relay's reader would see it: address, dataset, rows, outcome. */
final class RecordingDelivery implements ResultDelivery {

    record Delivered(String address, String dataset, long rows, String outcome) {
    }

    final List<Delivered> delivered = new CopyOnWriteArrayList<>();

    @Override
    public String defaultAddress(String dataset) {
        return "gatehouse.test.results";
    }

    @Override
    public Delivery open(String address, String correlationId, String dataset) {
        return new Delivery() {
            private long rows;

            @Override
            public void beginTable(String name, Schema schema) {
            }

            @Override
            public void row(Object[] values) {
                rows++;
            }

            @Override
            public void endTable(long rowCount) {
            }

            @Override
            public void finish() {
                delivered.add(new Delivered(address, dataset, rows, "end"));
            }

            @Override
            public void fail(String code, String message) {
                delivered.add(new Delivered(address, dataset, rows, "error " + code));
            }
        };
    }

    long finished(String dataset) {
        return delivered.stream().filter(d -> d.dataset().equals(dataset) && d.outcome().equals("end")).count();
    }
}
