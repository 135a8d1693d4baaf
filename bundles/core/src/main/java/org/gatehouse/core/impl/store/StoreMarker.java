package org.gatehouse.core.impl.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers that an embedded store file was created, in a small file next to it. H2 creates a missing database on
 * connect, so without this a deleted or misplaced store file would come back empty and silently lose every
 * definition, sign-in and history entry; with it, the gateway refuses to start the store and says what happened.
 */
final class StoreMarker {

    private static final Logger LOG = LoggerFactory.getLogger(StoreMarker.class);
    private static final String STORE_SUFFIX = ".mv.db";

    private StoreMarker() {
    }

    static Path of(Path storeFile) {
        String name = storeFile.getFileName().toString();
        String base = name.endsWith(STORE_SUFFIX) ? name.substring(0, name.length() - STORE_SUFFIX.length()) : name;
        return storeFile.resolveSibling(base + ".created");
    }

    /** @throws StoreException when the store file is gone although one was created here */
    static void refuseIfLost(Path storeFile) throws StoreException {
        Path marker = of(storeFile);
        if (!Files.exists(storeFile) && Files.exists(marker)) {
            throw new StoreException("the gateway store file " + storeFile + " is missing, but a store was created "
                    + "there before (" + marker + " says when). Nothing was created in its place: restore the file "
                    + "from a backup, or delete " + marker + " to start with an empty store");
        }
    }

    static void recordCreated(Path storeFile, Instant now) {
        Path marker = of(storeFile);
        if (Files.exists(marker)) {
            return;
        }
        try {
            Files.writeString(marker, "gateway store " + storeFile.getFileName() + " created " + now + "\n");
        } catch (IOException e) {
            LOG.warn("{} could not be written ({}): a lost store file would not be noticed", marker, e.getMessage());
        }
    }
}
