package org.gatehouse.powerquery.impl.lib;

import java.util.LinkedHashMap;
import java.util.Map;

import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.impl.eval.Builtin;
import org.gatehouse.powerquery.impl.value.Errors;

/** The standard library: every global name the engine knows, built once per engine with its data access. */
public final class Library {

    private final Map<String, Object> globals = new LinkedHashMap<>();
    final DataAccess access;

    public Library(DataAccess access) {
        this.access = access;
        CoreFunctions.register(this);
        ListFunctions.register(this);
        TextFunctions.register(this);
        NumberFunctions.register(this);
        DateFunctions.register(this);
        TableFunctions.register(this);
        TableShapeFunctions.register(this);
        TableRowFunctions.register(this);
        TableReshapeFunctions.register(this);
        SourceFunctions.register(this);
        ListMoreFunctions.register(this);
        TextMoreFunctions.register(this);
        NumberMoreFunctions.register(this);
        DateMoreFunctions.register(this);
        MiscMoreFunctions.register(this);
        RelativeDateFunctions.register(this);
        ValueMoreFunctions.register(this);
        BinaryFormats.register(this);
        TypeFunctions.register(this);
        AscriptionFunctions.register(this);
        TableKeyFunctions.register(this);
        TableFoldingFunctions.register(this);
        TableProfile.register(this);
        XmlFunctions.register(this);
        HtmlFunctions.register(this);
        WebPage.register(this);
        FuzzyTableFunctions.register(this);
        EnumerationConstants.register(this);
        BinaryMoreFunctions.register(this);
        EnvironmentFunctions.register(this);
        ContentTypeInference.register(this);
        WellKnownText.register(this);
        RowExpressionFunctions.register(this);
        TableViews.register(this);
        // last: they wrap table steps registered above (a view's handlers come before a deferred sort)
        DeferredSorts.install(this);
        TableViews.install(this);
        for (String name : new String[] {"Sql.Databases", "Odbc.DataSource",
                "Odbc.Query", "SharePoint.Files", "SharePoint.Tables", "Pdf.Tables",
                "Access.Database", "AnalysisServices.Database",
                "Type.ReplaceTablePartitionKey", "Table.ReplacePartitionKey",
                // connectors to external systems (out of scope): a call says so rather than naming an unknown identifier
                "ActiveDirectory.Domains", "AdoDotNet.DataSource", "AdoDotNet.Query", "AdobeAnalytics.Cubes",
                "AnalysisServices.Databases", "AzureStorage.BlobContents", "AzureStorage.Blobs", "AzureStorage.DataLake",
                "AzureStorage.DataLakeContents", "AzureStorage.Tables", "Cdm.Contents", "DB2.Database",
                "DeltaLake.Metadata", "DeltaLake.Table", "Essbase.Cubes", "Exchange.Contents", "FabricAI.Prompt",
                "GoogleAnalytics.Accounts", "HdInsight.Containers", "HdInsight.Contents", "HdInsight.Files",
                "Hdfs.Contents", "Hdfs.Files", "Informix.Database", "MySQL.Database", "OleDb.DataSource", "OleDb.Query",
                "Oracle.Database", "PostgreSQL.Database", "Salesforce.Data", "Salesforce.Reports",
                "SapBusinessWarehouse.Cubes", "SapHana.Database", "SharePoint.Contents", "Soda.Feed", "Sybase.Database",
                "Teradata.Database", "Cube.AddAndExpandDimensionColumn", "Cube.AddMeasureColumn", "Cube.ApplyParameter",
                "Cube.AttributeMemberId", "Cube.AttributeMemberProperty", "Cube.CollapseAndRemoveColumns",
                "Cube.Dimensions", "Cube.DisplayFolders", "Cube.MeasureProperties", "Cube.MeasureProperty",
                "Cube.Measures", "Cube.Parameters", "Cube.Properties", "Cube.PropertyKey", "Cube.ReplaceDimensions",
                "Cube.Transform", "Odbc.InferOptions", "WebAction.Request", "Web.Headers",
                "Identity.From", "Identity.IsMemberOf", "IdentityProvider.Default",
                "AccessControlEntry.ConditionToIdentities", "Graph.Nodes", "RData.FromBinary",
                // Power BI Desktop's script and online-service sources, and the host's internal functions
                "Facebook.Graph", "Python.Execute", "R.Execute", "Excel.ShapeTable", "Embedded.Value",
                "Value.Lineage", "Value.Alternates", "Value.Versions", "Value.Traits", "Value.Firewall",
                "Value.Expression", "DirectQueryCapabilities.From", "Table.PartitionValues", "List.ConformToPageReader",
                "Table.ConformToPageReader", "Table.FilterWithDataTable", "Table.ReplaceRelationshipIdentity",
                "Tables.GetRelationships", "Module.Versions", "Progress.DataSourceProgress",
                "SqlExpression.SchemaFrom", "SqlExpression.ToExpression", "Parquet.Document"}) {
            globals.putIfAbsent(name, new Builtin(name, 0, Integer.MAX_VALUE, a -> {
                throw Errors.notSupported(name);
            }));
        }
    }

    public Map<String, Object> globals() {
        return globals;
    }

    void fn(String name, int min, int max, Builtin.Body body) {
        globals.put(name, new Builtin(name, min, max, body));
    }

    void value(String name, Object value) {
        globals.put(name, value);
    }
}
