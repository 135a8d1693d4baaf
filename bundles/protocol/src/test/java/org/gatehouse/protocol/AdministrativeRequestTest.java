package org.gatehouse.protocol;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.Test;

public class AdministrativeRequestTest {

    @Test
    public void fieldsSurviveTheBodyWithLineBreaksBackslashesAndEquals() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "report");
        fields.put("query.1.text", "SELECT a = b\nFROM \"t\" -- c:\\temp\r\n");
        fields.put("setting.url", "jdbc:h2:mem:x;A=1");
        fields.put("empty", "");
        assertEquals(fields, FieldsBody.decode(FieldsBody.encode(fields)));
    }

    @Test
    public void aMalformedBodyIsABadRequest() {
        for (String body : new String[] {"no equals sign", "=value", "a=1\na=2", "a=bad \\x escape"}) {
            ProtocolException e = assertThrows(body, ProtocolException.class,
                    () -> FieldsBody.decode(body.getBytes(StandardCharsets.UTF_8)));
            assertEquals(ErrorCode.BAD_REQUEST, e.code());
        }
    }

    @Test
    public void anAdministrativeRequestNeedsNoDatasetAndCarriesItsFields() throws Exception {
        RequestMessage sent = RequestMessage.administrative("c1", "reply", Operation.DATASET_ADD,
                Map.of("name", "d", "query.1.name", "q"));
        Frame frame = sent.toFrame();
        RequestMessage received = RequestMessage.parse(frame);
        assertEquals(Operation.DATASET_ADD, received.operation());
        assertEquals(sent.fields(), received.fields());
        assertTrue(Operation.DATA_SOURCE_SIGN_IN.administrative());
        assertFalse(Operation.REFRESH_DATASET.administrative());
        assertThrows(IllegalArgumentException.class, () -> RequestMessage.administrative("c", "r",
                Operation.REFRESH_DATASET, Map.of()));
    }

    @Test
    public void aSealedSecretOpensOnlyWithItsKeyAndDataSource() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(SealedSecret.RSA_KEY_BITS);
        KeyPair gateway = generator.generateKeyPair();
        KeyPair other = generator.generateKeyPair();
        String sealed = SealedSecret.seal(SealedSecret.decodePublicKey(SealedSecret.encodePublicKey(
                gateway.getPublic())), SealedSecret.associatedData("sales"), "pässword");

        assertFalse(sealed.contains("pässword"));
        assertEquals("pässword", SealedSecret.open(gateway.getPrivate(), SealedSecret.associatedData("sales"), sealed));
        assertThrows(ProtocolException.class, () -> SealedSecret.open(gateway.getPrivate(),
                SealedSecret.associatedData("other"), sealed));
        assertThrows(ProtocolException.class, () -> SealedSecret.open(other.getPrivate(),
                SealedSecret.associatedData("sales"), sealed));
        assertThrows(ProtocolException.class, () -> SealedSecret.open(gateway.getPrivate(),
                SealedSecret.associatedData("sales"), "plain text"));
    }
}
