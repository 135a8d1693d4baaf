package org.gatehouse.connector.excel.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The folders the owner lets this connector read ({@code allowedRoots} of {@code org.gatehouse.connector.excel}).
 * A path passes when its text is absolute, free of {@code ..} and inside a root, and, once it exists, its real
 * location (symbolic links followed) is inside a root too.
 * <p>
 * Deliberately this bundle's own small class rather than a package shared with the file connector: the two
 * connectors install and uninstall independently and each has its own configuration PID.
 */
final class AllowedRoots {

    static final String WHERE = "allowedRoots in etc/" + ExcelConnector.PID + ".cfg";

    private final List<Path> roots;

    private AllowedRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Roots from configured entries (each may hold several, comma separated); bad ones go to {@code problems}. */
    static AllowedRoots of(String[] configured, Consumer<String> problems) {
        List<Path> roots = new ArrayList<>();
        for (String entry : configured == null ? new String[0] : configured) {
            for (String part : entry.split(",")) {
                String root = part.trim();
                if (root.isEmpty()) {
                    continue;
                }
                try {
                    Path path = Path.of(root);
                    if (path.isAbsolute()) {
                        roots.add(path.normalize());
                    } else {
                        problems.accept("allowed root '" + root + "' is not an absolute path");
                    }
                } catch (InvalidPathException e) {
                    problems.accept("allowed root '" + root + "' is not a valid path: " + e.getReason());
                }
            }
        }
        return new AllowedRoots(roots);
    }

    static AllowedRoots of(String... configured) {
        return of(configured, problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    /** Checks a path's text; returns it normalized. {@code shown} is how the requester wrote it. */
    Path check(Path path, String shown) throws PathRefusedException {
        if (roots.isEmpty()) {
            throw new PathRefusedException("nothing may be read: the gateway's owner has configured no allowed roots ("
                    + WHERE + ")");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new PathRefusedException("'" + shown + "' is refused: '..' is not allowed in paths");
            }
        }
        if (!path.isAbsolute()) {
            throw new PathRefusedException("'" + shown + "' is refused: not an absolute path on the gateway machine "
                    + "(a Windows path without a pathMap entry?)");
        }
        Path normalized = path.normalize();
        for (Path root : roots) {
            if (normalized.startsWith(root)) {
                return normalized;
            }
        }
        throw new PathRefusedException("'" + shown + "' is outside the folders this gateway may read (" + WHERE + ")");
    }

    Path check(String path, String shown) throws PathRefusedException {
        try {
            return check(Path.of(path), shown);
        } catch (InvalidPathException e) {
            throw new PathRefusedException("'" + shown + "' is not a valid path: " + e.getReason());
        }
    }

    /** Where an existing path really is; refused when a symbolic link leads out of every root. */
    Path checkReal(Path path, String shown) throws PathRefusedException, IOException {
        Path real = path.toRealPath();
        for (Path root : roots) {
            Path realRoot = Files.exists(root) ? root.toRealPath() : root;
            if (real.startsWith(realRoot)) {
                return real;
            }
        }
        throw new PathRefusedException("'" + shown + "' is refused: it leads outside the folders this gateway may "
                + "read (a symbolic link?)");
    }

    /** A path the connector will not read, and why. */
    static final class PathRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        PathRefusedException(String message) {
            super(message);
        }
    }
}
