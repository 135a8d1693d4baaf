package org.gatehouse.connector.file.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.GatewayFiles;
import org.gatehouse.connector.file.impl.AllowedRoots.PathRefusedException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file connector's allowed roots offered to the rest of the gateway ({@link GatewayFiles}): the excel-workbook
 * connector reads workbooks and the files their Power Query names through it, so one setting governs every file the
 * gateway reads. Same configuration as {@link FileConnector}; each component keeps its own copy of the roots.
 */
@Component(service = GatewayFiles.class, configurationPid = FileConnector.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class AllowedFiles implements GatewayFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AllowedFiles.class);

    private volatile AllowedRoots roots = AllowedRoots.of();

    /** For Declarative Services. */
    public AllowedFiles() {
    }

    /** Outside OSGi (the excel connector's tests use it too): these roots. */
    public AllowedFiles(String... allowedRoots) {
        this.roots = AllowedRoots.of(allowedRoots);
    }

    @Activate
    @Modified
    void configure(FileConnectorConfig config) {
        // FileConnector logs the same configuration's bad entries; said once is enough
        roots = AllowedRoots.of(config.allowedRoots(), problem -> LOG.debug("{}: ignored", problem));
    }

    @Override
    public Path readable(String path) throws ConnectorException {
        try {
            Path checked = roots.check(path, null);
            return Files.exists(checked) ? roots.checkReal(checked, path) : checked;
        } catch (PathRefusedException e) {
            throw new ConnectorException(Reason.INVALID_SETTINGS, e.getMessage());
        } catch (IOException e) {
            throw new ConnectorException(Reason.SOURCE_UNREACHABLE, "'" + path + "' could not be read: "
                    + e.getMessage());
        }
    }
}
