package org.gatehouse.connector.web.impl;

import java.io.IOException;

import org.gatehouse.api.ConnectorException;

/** A failure found while fetching a later page, carried through the record reader as the I/O error it is. */
final class WebProblem extends IOException {

    private static final long serialVersionUID = 1L;

    private final ConnectorException failure;

    WebProblem(ConnectorException failure) {
        super(failure.getMessage(), failure);
        this.failure = failure;
    }

    ConnectorException failure() {
        return failure;
    }
}
