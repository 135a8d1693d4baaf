package org.gatehouse.powerquery;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens a file's bytes as a stream, once per read: M may read a binary several times (a table enumerated twice), and
 * a large file must be read through rather than held.
 */
@FunctionalInterface
public interface BinarySource {

    InputStream open() throws IOException;
}
