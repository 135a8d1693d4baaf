package org.gatehouse.connector.web.impl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;

public class LinkHeaderTest {

    @Test
    public void theNextRelationIsFoundAmongOthers() {
        assertEquals("https://api.example/items?page=3", PagedRecordReader.linkHeaderNext(List.of(
                "<https://api.example/items?page=1>; rel=\"first\", <https://api.example/items?page=3>; rel=\"next\"")));
        assertEquals("/p2", PagedRecordReader.linkHeaderNext(List.of("</p0>; rel=prev", "</p2>; title=\"x, y\"; "
                + "rel=\"preload next\"")));
    }

    @Test
    public void relationsThatOnlyStartWithNextAreNotNext() {
        assertNull(PagedRecordReader.linkHeaderNext(List.of("</archive>; rel=\"next-archive\"")));
        assertNull(PagedRecordReader.linkHeaderNext(List.of()));
    }
}
