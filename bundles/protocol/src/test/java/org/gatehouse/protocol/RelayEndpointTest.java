package org.gatehouse.protocol;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

public class RelayEndpointTest {

    @Test
    public void serviceBusConnectionStringBecomesAmqpsWithSaslPlain() {
        RelayEndpoint e = RelayEndpoint.parse("Endpoint=sb://contoso.servicebus.windows.net/;"
                + "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=abc+DEF/123=", null, null);
        assertTrue(e.isServiceBus());
        assertTrue(e.isTls());
        assertEquals("amqps://contoso.servicebus.windows.net:5671?amqp.idleTimeout=120000", e.connectionUri());
        assertEquals("RootManageSharedAccessKey", e.user());
        assertEquals("abc+DEF/123=", e.password());
        assertFalse("key leaked into toString", e.toString().contains("abc+DEF"));
    }

    @Test
    public void serviceBusKeysAreCaseInsensitiveAndEntityPathIsIgnored() {
        RelayEndpoint e = RelayEndpoint.parse("endpoint=sb://ns.servicebus.windows.net/;sharedaccesskeyname=k;"
                + "sharedaccesskey=s3cr3t;EntityPath=gatehouse.gw1.requests;", null, null);
        assertEquals("ns.servicebus.windows.net", e.host());
        assertEquals("k", e.user());
    }

    @Test
    public void incompleteServiceBusStringsAreRefusedWithoutEchoingTheKey() {
        assertRefused("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKey=topsecret", "SharedAccessKeyName");
        assertRefused("Endpoint=https://ns.servicebus.windows.net/;SharedAccessKeyName=k;SharedAccessKey=topsecret",
                "sb://");
        assertRefused("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessSignature=SharedAccessSignature sr=x",
                "SharedAccessSignature");
    }

    @Test
    public void amqpUrlsWithAndWithoutUserInfo() {
        RelayEndpoint plain = RelayEndpoint.parse("amqp://127.0.0.1:61616", null, null);
        assertEquals("amqp://127.0.0.1:61616", plain.connectionUri());
        assertNull(plain.user());

        RelayEndpoint withUser = RelayEndpoint.parse("amqps://gw%40corp:p%3Ass@relay.example.com", null, null);
        assertEquals("amqps://relay.example.com:5671", withUser.connectionUri());
        assertEquals("gw@corp", withUser.user());
        assertEquals("p:ss", withUser.password());

        RelayEndpoint separate = RelayEndpoint.parse("amqp://relay", "u", "pw");
        assertEquals("amqp://relay:5672", separate.connectionUri());
        assertEquals("u", separate.user());
        assertEquals("pw", separate.password());
    }

    @Test
    public void otherSchemesAreRefused() {
        assertRefused("http://relay:5672", "amqp://");
        assertRefused("", "no relay");
    }

    private static void assertRefused(String setting, String mention) {
        try {
            RelayEndpoint.parse(setting, null, null);
            fail("accepted " + setting);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(mention));
            assertFalse("secret echoed: " + e.getMessage(), e.getMessage().contains("topsecret"));
        }
    }
}
