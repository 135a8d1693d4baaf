package org.gatehouse.client;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.gatehouse.protocol.ErrorCode;
import org.gatehouse.protocol.Frame;
import org.gatehouse.protocol.ProtocolException;

/**
 * Maps protocol frames to JMS messages and back. Frame properties travel as JMS message properties (which Qpid JMS
 * sends as AMQP application properties, where the gateway's relay reads them), the body as a bytes message.
 */
final class JmsFrames {

    /** Every protocol property has this prefix; other properties (broker or JMS bookkeeping) are not the frame's. */
    static final String PROPERTY_PREFIX = "gatehouse_";

    private JmsFrames() {
    }

    static BytesMessage toMessage(Session session, Frame frame) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        for (Map.Entry<String, Object> property : frame.properties().entrySet()) {
            if (property.getValue() != null) {
                // String, Integer and Long keep their type: Long sequence numbers must not arrive as text
                message.setObjectProperty(property.getKey(), property.getValue());
            }
        }
        message.writeBytes(frame.body());
        return message;
    }

    static Frame toFrame(Message message) throws JMSException, ProtocolException {
        Map<String, Object> properties = new LinkedHashMap<>();
        Enumeration<?> names = message.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (name.startsWith(PROPERTY_PREFIX)) {
                properties.put(name, message.getObjectProperty(name));
            }
        }
        return new Frame(properties, body(message));
    }

    private static byte[] body(Message message) throws JMSException, ProtocolException {
        if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return body;
        }
        if (message instanceof TextMessage text) {
            // a relay that turned an empty or textual body into text; the checksum still guards the content
            return text.getText() == null ? null : text.getText().getBytes(StandardCharsets.UTF_8);
        }
        if (message.isBodyAssignableTo(byte[].class)) {
            return message.getBody(byte[].class); // a message without a body: null, an empty frame body
        }
        throw new ProtocolException(ErrorCode.BAD_REQUEST,
                "a message with a " + message.getClass().getSimpleName() + " body is not a protocol frame");
    }
}
