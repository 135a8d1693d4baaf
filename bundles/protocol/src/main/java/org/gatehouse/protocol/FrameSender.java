package org.gatehouse.protocol;

import java.io.IOException;

/** Puts a frame on the wire; a transport failure is an IOException. */
@FunctionalInterface
public interface FrameSender {

    void send(Frame frame) throws IOException;
}
