package org.gatehouse.connector.file.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Column;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.connector.file.format.MalformedRecordException;
import org.gatehouse.connector.file.format.RecordReader;
import org.gatehouse.connector.file.format.RecordRowSource;
import org.gatehouse.connector.file.impl.AllowedRoots.PathRefusedException;
import org.gatehouse.connector.file.impl.FileFormats.UnsupportedFormatException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code file} connector: CSV/TSV, JSON/NDJSON and XLSX/XLSM files below the owner's allowed roots, one file
 * per query or a folder of files combined. A query's text is the file's path, or a glob for a folder source
 * ({@code sales/*.csv}); relative paths are resolved against the data source's {@code folder} setting.
 * <p>
 * The allowed roots come from the connector's own configuration ({@code etc/org.gatehouse.connector.file.cfg}),
 * never from a data source: a data source definition can arrive from a remote requester.
 */
@Component(service = Connector.class, property = Connector.KIND_PROPERTY + "=" + FileConnector.KIND,
        configurationPid = FileConnector.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FileConnectorConfig.class)
public final class FileConnector implements Connector {

    static final String KIND = "file";
    static final String PID = "org.gatehouse.connector.file";

    private static final Set<AuthenticationType> SUPPORTED_AUTHENTICATION =
            Collections.unmodifiableSet(EnumSet.of(AuthenticationType.ANONYMOUS, AuthenticationType.WINDOWS));

    private static final Logger LOG = LoggerFactory.getLogger(FileConnector.class);

    private volatile AllowedRoots roots = AllowedRoots.of();

    /** For Declarative Services. */
    public FileConnector() {
    }

    /** Outside OSGi: these roots. */
    FileConnector(String... allowedRoots) {
        this.roots = AllowedRoots.of(allowedRoots);
    }

    @Activate
    @Modified
    void configure(FileConnectorConfig config) {
        // a bad entry is left out (and said so), not a reason to take the whole connector away
        roots = AllowedRoots.of(config.allowedRoots(), problem -> LOG.error("{} ({}.cfg): ignored", problem, PID));
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Files are read as the gateway's own OS user; WINDOWS is accepted so an owner may say so explicitly. */
    @Override
    public Set<AuthenticationType> supportedAuthentication() {
        return SUPPORTED_AUTHENTICATION;
    }

    @Override
    public void test(DataSourceSettings settings, Credentials credentials) throws ConnectorException {
        FileFailures failures = new FileFailures(settings.id(), "test");
        FileOptions options = new FileOptions(settings, null);
        new FileFormats(options);
        String folder = options.folder();
        if (folder == null) {
            if (roots.isEmpty()) {
                throw failures.refused(checkedRefusal());
            }
            return;
        }
        try {
            Path path = roots.check(folder, null);
            if (!Files.isDirectory(path)) {
                throw new ConnectorException(ConnectorException.Reason.SOURCE_UNREACHABLE,
                        "data source " + settings.id() + ": folder '" + folder + "' does not exist");
            }
            roots.checkReal(path, folder);
        } catch (PathRefusedException e) {
            throw failures.refused(e.getMessage());
        } catch (IOException e) {
            throw failures.readFailed(folder, e);
        }
    }

    private String checkedRefusal() {
        try {
            roots.check("/", null);
            return "";
        } catch (PathRefusedException e) {
            return e.getMessage();
        }
    }

    @Override
    public RowSource open(DataSourceSettings settings, Credentials credentials, Query query)
            throws ConnectorException {
        FileFailures failures = new FileFailures(settings.id(), query.name());
        FileOptions options = new FileOptions(settings, query);
        FileFormats formats = new FileFormats(options);
        // every setting is checked before any file is touched
        List<Column> declared = options.columns();
        int sampleRows = options.sampleRows();
        FileTarget target;
        try {
            Path folder = options.folder() == null ? null : roots.check(options.folder(), null);
            target = FileTarget.resolve(query.text(), folder, roots);
            for (Path file : target.files()) {
                formats.formatOf(file);
            }
        } catch (PathRefusedException e) {
            throw failures.refused(e.getMessage());
        } catch (UnsupportedFormatException e) {
            throw failures.unsupported(e.getMessage());
        } catch (IOException e) {
            throw failures.readFailed(query.text().trim(), e);
        }
        String item = target.item() != null ? target.item() : options.sheet();
        RecordReader reader;
        if (target.isFolder()) {
            reader = new FolderRecordReader(target.files(), file -> openFile(formats, file, target.shown(file), item),
                    options.sourceColumn(), target::shown);
        } else {
            Path file = target.files().get(0);
            try {
                reader = openFile(formats, file, target.shown(file), item);
            } catch (MalformedRecordException e) {
                throw failures.malformed(e.getMessage());
            } catch (IOException e) {
                throw failures.readFailed(target.shown(file), e);
            }
        }
        return RecordRowSource.open(reader, declared, sampleRows, options.skipMalformedRows(),
                failures);
    }

    private static RecordReader openFile(FileFormats formats, Path file, String shown, String item)
            throws IOException, MalformedRecordException {
        try {
            return formats.open(file, shown, item);
        } catch (UnsupportedFormatException e) {
            // every file's format was checked before the first was opened
            throw new IllegalStateException(e);
        }
    }
}
