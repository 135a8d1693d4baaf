package org.gatehouse.connector.file.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders the gateway's owner lets the file connector read: {@code allowedRoots} of the configuration
 * {@code org.gatehouse.connector.file} (etc/ on the gateway machine), so nobody who can only define data sources or
 * send refresh requests can widen them. Every path is checked twice: its text (no {@code ..}, inside a root) and,
 * once it exists, its real location with symbolic links resolved (a link inside a root pointing out is refused).
 */
final class AllowedRoots {

    /** Where the owner sets the roots, for messages that refuse a path. */
    static final String WHERE = "allowedRoots in etc/" + FileConnector.PID + ".cfg";

    private final List<Path> roots;

    private AllowedRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Roots from the configured paths; each must be absolute. Missing folders are kept (they may appear later). */
    static AllowedRoots of(String... configured) {
        return of(configured, problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** As {@link #of(String...)}, handing entries that are not absolute paths to {@code problems} and leaving them out. */
    static AllowedRoots of(String[] configured, java.util.function.Consumer<String> problems) {
        List<Path> roots = new ArrayList<>();
        if (configured != null) {
            for (String entry : configured) {
                for (String part : entry.split(",")) {
                    String root = part.trim();
                    if (root.isEmpty()) {
                        continue;
                    }
                    Path path;
                    try {
                        path = Paths.get(root);
                    } catch (InvalidPathException e) {
                        problems.accept("allowed root '" + root + "' is not a valid path: " + e.getReason());
                        continue;
                    }
                    if (!path.isAbsolute()) {
                        problems.accept("allowed root '" + root + "' is not an absolute path");
                        continue;
                    }
                    roots.add(path.normalize());
                }
            }
        }
        return new AllowedRoots(roots);
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    List<Path> roots() {
        return roots;
    }

    /**
     * Checks a requested path's text and returns it absolute and normalized.
     *
     * @param base the folder relative paths are resolved against (the data source's {@code folder}), or null
     * @throws PathRefusedException saying why
     */
    Path check(String requested, Path base) throws PathRefusedException {
        if (roots.isEmpty()) {
            throw new PathRefusedException("no folder may be read: the gateway's owner has configured no allowed "
                    + "roots (" + WHERE + ")");
        }
        Path path;
        try {
            path = Paths.get(requested.trim());
        } catch (InvalidPathException e) {
            throw new PathRefusedException("'" + requested + "' is not a valid path: " + e.getReason());
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new PathRefusedException("'" + requested + "' is refused: '..' is not allowed in paths");
            }
        }
        if (!path.isAbsolute()) {
            if (base == null) {
                throw new PathRefusedException("'" + requested + "' is relative and the data source has no "
                        + "'folder' setting to resolve it against");
            }
            path = base.resolve(path);
        }
        path = path.normalize();
        if (lexicalRoot(path) == null) {
            throw new PathRefusedException("'" + requested + "' is outside the folders this gateway may read ("
                    + WHERE + ")");
        }
        return path;
    }

    /**
     * Checks where an existing path really is, symbolic links followed.
     *
     * @throws PathRefusedException if it leads out of every root
     */
    Path checkReal(Path path, String shownAs) throws PathRefusedException, IOException {
        Path real = path.toRealPath();
        for (Path root : roots) {
            Path realRoot = Files.exists(root) ? root.toRealPath() : root;
            if (real.startsWith(realRoot)) {
                return real;
            }
        }
        throw new PathRefusedException("'" + shownAs + "' is refused: it leads outside the folders this gateway "
                + "may read (a symbolic link?; " + WHERE + ")");
    }

    private Path lexicalRoot(Path path) {
        for (Path root : roots) {
            if (path.startsWith(root)) {
                return root;
            }
        }
        return null;
    }


    /** A path the connector will not read, and why. */
    static final class PathRefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        PathRefusedException(String message) {
            super(message);
        }
    }
}
