package org.gatehouse.connector.excel.impl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Connector;
import org.gatehouse.api.ConnectorException;
import org.gatehouse.api.ConnectorException.Reason;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.DataSourceLookup;
import org.gatehouse.api.DataSourceSettings;
import org.gatehouse.api.GatewayFiles;
import org.gatehouse.api.Query;
import org.gatehouse.api.RowSource;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.MashupQuery;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.powerquery.QueryStream;
import org.gatehouse.powerquery.WorkbookMashup;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code excel-workbook} connector: refreshes one query of a workbook's Power Query with the gateway's own M engine,
 * or reads one sheet ({@code sheet:Name}) or sheet table ({@code table:Name}) of any workbook. The data source's
 * {@code workbook} setting names the file; {@code pathMap} turns the author's folders used in the M code into folders
 * of this machine. The workbook and everything its M code reads must lie under the owner's allowed roots, the
 * gateway's one list of readable folders ({@code allowedRoots} of {@code etc/org.gatehouse.connector.file.cfg}),
 * checked through the file connector's {@link GatewayFiles}; without the file connector nothing is read. Its
 * {@code Sql.Database}, {@code Web.Contents} and {@code OData.Feed} are served by the gateway's own sql and web data
 * sources through the core's {@link DataSourceLookup}, an optional reference: without the core, or without the sql or
 * web connector, the workbook's other queries still refresh and those fail with an M error saying what is missing.
 */
@Component(service = Connector.class, property = Connector.KIND_PROPERTY + "=" + ExcelConnector.KIND)
public final class ExcelConnector implements Connector {

    static final String KIND = "excel-workbook";
    static final String WORKBOOK = "workbook";

    private static final Set<String> EXTENSIONS = Set.of(".xlsx", ".xlsm", ".xlsb", ".xls");
    private static final Set<AuthenticationType> SUPPORTED_AUTHENTICATION =
            Collections.unmodifiableSet(EnumSet.of(AuthenticationType.ANONYMOUS, AuthenticationType.WINDOWS));
    private static final Logger LOG = LoggerFactory.getLogger(ExcelConnector.class);
    /** Until the file connector is there: every path refused, saying what to install. */
    private static final GatewayFiles NO_FILES = path -> {
        throw new ConnectorException(Reason.UNSUPPORTED, "no file can be read: the excel-workbook connector reads "
                + "files through the file connector's allowed roots; install it (feature:install "
                + "gatehouse-connector-file) and set allowedRoots in etc/org.gatehouse.connector.file.cfg");
    };

    private volatile GatewayFiles files = NO_FILES;
    private volatile LookupSource lookups = LookupSource.NONE;

    /** For Declarative Services. */
    public ExcelConnector() {
    }

    /** Outside OSGi: these readable files, no gateway data sources. */
    ExcelConnector(GatewayFiles files) {
        this.files = files;
    }

    /** Outside OSGi: these readable files and the gateway data sources of this lookup. */
    ExcelConnector(DataSourceLookup lookup, GatewayFiles files) {
        this(files);
        this.lookups = LookupSource.of(lookup);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetFiles")
    void setFiles(GatewayFiles files) {
        this.files = files;
    }

    void unsetFiles(GatewayFiles gone) {
        if (this.files == gone) {
            this.files = NO_FILES;
        }
    }

    /** Bound without getting the service: see {@link LookupSource} for the cycle this avoids. */
    @Reference(service = DataSourceLookup.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetLookup")
    void setLookup(ComponentServiceObjects<DataSourceLookup> lookup) {
        this.lookups = LookupSource.borrowedFrom(lookup);
    }

    void unsetLookup(ComponentServiceObjects<DataSourceLookup> gone) {
        this.lookups = LookupSource.NONE;
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
        PathMap.parse(settings.id(), settings.get(PathMap.SETTING, null));
        String prefix = "data source " + settings.id() + ": ";
        byte[] bytes = read(workbookPath(settings, prefix), settings, prefix);
        try {
            PowerQuery.readMashup(bytes);
        } catch (MException e) {
            throw new ConnectorException(Reason.QUERY_FAILED, "data source " + settings.id() + ": the workbook's "
                    + "Power Query could not be read: " + e.reason() + ": " + e.getMessage());
        }
    }

    @Override
    public RowSource open(DataSourceSettings settings, Credentials credentials, Query query)
            throws ConnectorException {
        String prefix = "data source " + settings.id() + ", query " + query.name() + ": ";
        PathMap pathMap = PathMap.parse(settings.id(), settings.get(PathMap.SETTING, null));
        Path workbook = workbookPath(settings, prefix);
        byte[] bytes = read(workbook, settings, prefix);
        RootedDataAccess access = new RootedDataAccess(files, pathMap, bytes, new GatewaySources(lookups));
        WorkbookQuery target = WorkbookQuery.parse(query.text());
        String section;
        String member;
        if (target.kind() == WorkbookQuery.Kind.POWER_QUERY) {
            WorkbookMashup mashup = mashupOf(bytes, prefix, workbook);
            List<String> names = mashup.queries().stream().map(MashupQuery::name).toList();
            if (!names.isEmpty() && !names.contains(target.name())) {
                throw new ConnectorException(Reason.QUERY_FAILED, prefix + "the workbook has no Power Query query '"
                        + target.name() + "'; its queries are: " + String.join(", ", names));
            }
            section = mashup.sectionDocument();
            member = target.name();
        } else {
            section = target.sectionReading(workbook.toString());
            member = WorkbookQuery.MEMBER;
        }
        QueryStream result;
        try {
            result = PowerQuery.stream(section, member, access);
        } catch (MException e) {
            throw queryFailed(prefix, target, e);
        } catch (RuntimeException e) {
            LOG.warn("{}the M engine failed", prefix, e);
            throw new ConnectorException(Reason.QUERY_FAILED, prefix + target.describe()
                    + " could not be evaluated: the M engine failed (" + e.getClass().getSimpleName() + ")");
        }
        return new ResultRowSource(result, prefix, prefix + target.describe() + " failed with M error ");
    }

    private static ConnectorException queryFailed(String prefix, WorkbookQuery target, MException e) {
        return new ConnectorException(Reason.QUERY_FAILED, prefix + target.describe() + " failed with M error "
                + e.reason() + ": " + e.getMessage());
    }

    private static WorkbookMashup mashupOf(byte[] bytes, String prefix, Path workbook) throws ConnectorException {
        Optional<WorkbookMashup> mashup;
        try {
            mashup = PowerQuery.readMashup(bytes);
        } catch (MException e) {
            throw new ConnectorException(Reason.QUERY_FAILED, prefix + "the Power Query of workbook '" + workbook
                    + "' could not be read: " + e.reason() + ": " + e.getMessage());
        }
        return mashup.orElseThrow(() -> new ConnectorException(Reason.QUERY_FAILED, prefix + "workbook '" + workbook
                + "' has no Power Query queries; ask for one of its sheets or tables with 'sheet:Name' or "
                + "'table:Name'"));
    }

    private Path workbookPath(DataSourceSettings settings, String prefix) throws ConnectorException {
        String requested = settings.require(WORKBOOK);
        String lower = requested.toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            throw new ConnectorException(Reason.UNSUPPORTED, prefix + "'" + requested + "' is not an Excel workbook "
                    + "(.xlsx, .xlsm, .xlsb or .xls)");
        }
        Path path;
        try {
            path = files.readable(requested);
        } catch (ConnectorException e) {
            throw new ConnectorException(e.reason(), prefix + e.getMessage());
        }
        if (!Files.isRegularFile(path)) {
            throw new ConnectorException(Reason.SOURCE_UNREACHABLE, prefix + "workbook '" + requested
                    + "' does not exist");
        }
        return path;
    }

    private static byte[] read(Path path, DataSourceSettings settings, String prefix) throws ConnectorException {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConnectorException(Reason.SOURCE_UNREACHABLE, prefix + "workbook '" + settings.require(WORKBOOK)
                    + "' could not be read: " + e.getMessage());
        }
    }
}
