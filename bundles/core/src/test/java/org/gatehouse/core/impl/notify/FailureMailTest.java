package org.gatehouse.core.impl.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;

import org.gatehouse.api.gateway.HistoryEntry;
import org.gatehouse.api.gateway.RefreshFailure;
import org.gatehouse.api.gateway.RefreshStatus;
import org.junit.Test;

public class FailureMailTest {

    private static final Instant STARTED = Instant.parse("2026-11-28T10:15:00Z");
    private static final Instant ENDED = Instant.parse("2026-11-28T10:15:02Z");

    @Test
    public void aFailedHistoryEntryBecomesAFailureWithItsCodeAndMessage() {
        RefreshFailure failure = FailureMail.failureOf(new HistoryEntry(42, "sales", "shell:alice", STARTED, ENDED,
                7, 0, RefreshStatus.FAILED, "QUERY_FAILED: query 'q' failed: Table \"NOPE\" not found"));
        assertEquals(new RefreshFailure(42, "sales", "shell:alice", "QUERY_FAILED",
                "query 'q' failed: Table \"NOPE\" not found", STARTED, ENDED), failure);
    }

    @Test
    public void aReasonWithoutCodeIsKeptWhole() {
        RefreshFailure failure = FailureMail.failureOf(new HistoryEntry(1, "sales", "relay", STARTED, ENDED, 0, 0,
                RefreshStatus.FAILED, "something odd"));
        assertEquals("FAILED", failure.reasonCode());
        assertEquals("something odd", failure.message());
        assertEquals("no reason recorded", FailureMail.failureOf(new HistoryEntry(1, "sales", "relay", STARTED,
                ENDED, 0, 0, RefreshStatus.FAILED, null)).message());
    }

    @Test
    public void theMailNamesDatasetGatewayTriggerTimesReasonAndHistoryEntry() {
        FailureMail.Mail mail = FailureMail.failure(new RefreshFailure(42, "sales", "relay", "AUTHENTICATION_FAILED",
                "authentication failed for data source warehouse", STARTED, ENDED), "plant-7");
        assertEquals("Gatehouse: refresh of dataset sales failed", mail.subject());
        String body = mail.body();
        assertTrue(body, body.startsWith("The refresh of dataset sales on gateway plant-7 failed.\n\n"));
        assertTrue(body, body.contains("Dataset:    sales\n"));
        assertTrue(body, body.contains("Gateway:    plant-7\n"));
        assertTrue(body, body.contains("Trigger:    relay\n"));
        assertTrue(body, body.contains("Started:    2026-11-28T10:15:00Z\n"));
        assertTrue(body, body.contains("Failed at:  2026-11-28T10:15:02Z\n"));
        assertTrue(body, body.contains("Reason:     AUTHENTICATION_FAILED\n"));
        assertTrue(body, body.contains("Message:    authentication failed for data source warehouse\n"));
        assertTrue(body, body.contains("History id: 42\n"));
        assertTrue(body, body.contains("gateway:notifications-set --dataset sales --off"));
    }

    @Test
    public void lineBreaksInValuesCannotStartLinesOrHeadersOfTheirOwn() {
        FailureMail.Mail mail = FailureMail.failure(new RefreshFailure(0, "sales\r\nBcc: x@evil.test", "relay",
                "QUERY_FAILED", "line one\nline two", STARTED, ENDED), "gw");
        assertFalse(mail.subject(), mail.subject().contains("\n") || mail.subject().contains("\r"));
        assertTrue(mail.body(), mail.body().contains("Message:    line one line two\n"));
        assertTrue(mail.body(), mail.body().contains("History id: not recorded\n"));
    }
}
