package org.gatehouse.core.impl;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The factory configurations of one kind of definition ({@code org.gatehouse.datasource} or
 * {@code org.gatehouse.dataset}), found by the property that names them.
 * <p>
 * A new one is also written to {@code etc/FACTORYPID-NAME.cfg}, just as if the owner had put the file there, and
 * tied to it with FileInstall's {@code felix.fileinstall.filename} property: from then on FileInstall writes every
 * change of the configuration back to that file, so definitions made in the shell live in etc/ like the others. It
 * is created as the named factory configuration {@code FACTORYPID~NAME}, the one FileInstall itself makes from that
 * file, so the two can never become twins. Deleting removes the file too, else the next start would bring it back.
 */
final class FactoryConfigurations {

    /** FileInstall's property linking a configuration to its file. */
    static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private final ConfigurationAdmin admin;
    private final String factoryPid;
    private final String nameProperty;
    /** Where new configurations get their files; null for none (outside Karaf). */
    private final Path etc;

    FactoryConfigurations(ConfigurationAdmin admin, String factoryPid, String nameProperty, Path etc) {
        this.admin = admin;
        this.factoryPid = factoryPid;
        this.nameProperty = nameProperty;
        this.etc = etc;
    }

    /** Every configuration naming this definition: normally one; a copied file in etc/ makes two. */
    List<Configuration> find(String name) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                    + factoryPid + ")(" + nameProperty + "=" + escapeFilterValue(name) + "))");
            return found == null ? List.of() : Arrays.asList(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("bad configuration filter for " + name, e);
        }
    }

    /** @throws IllegalArgumentException when the configuration or its etc/ file exists already */
    void create(String name, String header, Map<String, String> properties) throws IOException {
        Configuration configuration = admin.getFactoryConfiguration(factoryPid, name, "?");
        if (configuration.getProperties() != null) {
            throw new IllegalArgumentException("configuration " + configuration.getPid() + " exists already"
                    + fileOf(configuration).map(file -> " (" + file + ")").orElse(""));
        }
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        if (etc != null) {
            Path file = etc.resolve(factoryPid + "-" + name + ".cfg");
            if (Files.exists(file)) {
                throw new IllegalArgumentException(file + " exists already; it defines something else, or is not "
                        + "loaded yet");
            }
            CfgFile.write(file, header, properties);
            // exactly as FileInstall spells it, so it finds this configuration when it reads the file
            dictionary.put(FILEINSTALL_FILENAME, file.toFile().getAbsoluteFile().toURI().toString());
        }
        configuration.update(dictionary);
    }

    /** Replaces the configuration's own properties, keeping its link to its etc/ file. */
    void replace(Configuration configuration, Map<String, String> properties) throws IOException {
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        Object file = configuration.getProperties().get(FILEINSTALL_FILENAME);
        if (file != null) {
            dictionary.put(FILEINSTALL_FILENAME, file);
        }
        configuration.update(dictionary);
    }

    void delete(Configuration configuration) throws IOException {
        Optional<Path> file = fileOf(configuration);
        configuration.delete();
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
        }
    }

    private static Optional<Path> fileOf(Configuration configuration) {
        Dictionary<String, Object> properties = configuration.getProperties();
        Object file = properties == null ? null : properties.get(FILEINSTALL_FILENAME);
        if (!(file instanceof String uri) || !uri.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(URI.create(uri)));
    }

    /** RFC 1960 filter values escape these four characters with a backslash. */
    static String escapeFilterValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
