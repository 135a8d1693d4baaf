package org.gatehouse.powerquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.junit.Test;

/** Sql.Database and OData.Feed reach the data through {@link DataAccess}, which the gateway implements. */
public class PluggableSourcesTest {

    private final DataAccess access = new DataAccess() {
        @Override
        public byte[] fileContents(String path) {
            throw new MException("DataSource.NotFound", path);
        }

        @Override
        public QueryResult sqlQuery(String server, String database, String query) {
            assertEquals("srv", server);
            assertEquals("db", database);
            assertEquals("select * from t", query);
            return new QueryResult("q", List.of(new Column("Id", ColumnType.LONG), new Column("Day", ColumnType.DATE)),
                    List.of(List.of(1L, LocalDate.of(2024, 1, 1)), List.of(2L, LocalDate.of(2024, 1, 2))), null);
        }

        @Override
        public byte[] odataFeed(String url) {
            return "{\"@odata.context\":\"x\",\"value\":[{\"A\":1,\"B\":\"x\"},{\"A\":2}]}".getBytes(StandardCharsets.UTF_8);
        }
    };

    @Test
    public void sqlDatabaseRunsTheNativeQueryThroughDataAccess() {
        QueryResult r = PowerQuery.evaluate("section S; shared Q = Table.SelectRows(Sql.Database(\"srv\", \"db\","
                + " [Query = \"select * from t\"]), each [Day] > #date(2024, 1, 1));", "Q", access);
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of(List.of(2L, LocalDate.of(2024, 1, 2))), r.rows());
        assertEquals(ColumnType.LONG, r.columns().get(0).type());
    }

    @Test
    public void sqlDatabaseWithoutAQueryListsUserTablesAndReadsOnlyThePickedOne() {
        List<String> asked = new java.util.ArrayList<>();
        DataAccess catalog = new DataAccess() {
            @Override
            public byte[] fileContents(String path) {
                throw new MException("DataSource.NotFound", path);
            }

            @Override
            public QueryResult sqlQuery(String server, String database, String query) {
                asked.add(query);
                if (query.contains("INFORMATION_SCHEMA.TABLES")) {
                    return new QueryResult("t", List.of(new Column("TABLE_SCHEMA", ColumnType.STRING),
                            new Column("TABLE_NAME", ColumnType.STRING), new Column("TABLE_TYPE", ColumnType.STRING)),
                            List.of(List.of("dbo", "Sales", "BASE TABLE"), List.of("dbo", "Big \"Sales\"", "VIEW"),
                                    List.of("INFORMATION_SCHEMA", "TABLES", "VIEW"),
                                    List.of("sys", "objects", "VIEW")), null);
                }
                return new QueryResult("q", List.of(new Column("Id", ColumnType.LONG)), List.of(List.of(7L)), null);
            }
        };
        QueryResult nav = PowerQuery.evaluate("section S; shared Q = Table.SelectColumns(Sql.Database(\"srv\", "
                + "\"db\"), {\"Name\", \"Schema\", \"Item\", \"Kind\"});", "Q", catalog);
        assertEquals(List.of(List.of("Sales", "dbo", "Sales", "Table"),
                List.of("Big \"Sales\"", "dbo", "Big \"Sales\"", "View")), nav.rows());
        assertEquals("listing the tables reads none of them", 1, asked.size());

        QueryResult picked = PowerQuery.evaluate("section S; shared Q = Sql.Database(\"srv\", \"db\")"
                + "{[Schema=\"dbo\",Item=\"Big \"\"Sales\"\"\"]}[Data];", "Q", catalog);
        assertEquals(List.of(List.of(7L)), picked.rows());
        assertEquals("SELECT * FROM \"dbo\".\"Big \"\"Sales\"\"\"", asked.get(asked.size() - 1));
    }

    @Test
    public void valueNativeQueryRunsTheQueryOnTheDatabaseOfItsTarget() {
        List<String> asked = new java.util.ArrayList<>();
        DataAccess db = new DataAccess() {
            @Override
            public byte[] fileContents(String path) {
                throw new MException("DataSource.NotFound", path);
            }

            @Override
            public QueryResult sqlQuery(String server, String database, String query) {
                asked.add(server + "/" + database + ": " + query);
                if (query.contains("INFORMATION_SCHEMA.TABLES")) {
                    return new QueryResult("t", List.of(new Column("TABLE_SCHEMA", ColumnType.STRING),
                            new Column("TABLE_NAME", ColumnType.STRING), new Column("TABLE_TYPE", ColumnType.STRING)),
                            List.of(), null);
                }
                return new QueryResult("q", List.of(new Column("N", ColumnType.LONG)), List.of(List.of(42L)), null);
            }
        };
        QueryResult r = PowerQuery.evaluate("section S; shared Q = let Source = Sql.Database(\"srv\", \"sales\"),"
                + " Rows = Value.NativeQuery(Source, \"select count(*) as N from t\", null, [EnableFolding = true])"
                + " in Rows;", "Q", db);
        assertFalse(String.valueOf(r.error()), r.failed());
        assertEquals(List.of(List.of(42L)), r.rows());
        assertEquals("srv/sales: select count(*) as N from t", asked.get(asked.size() - 1));

        QueryResult notADatabase = PowerQuery.evaluate("section S; shared Q = Value.NativeQuery(#table({\"a\"}, {}),"
                + " \"select 1\");", "Q", db);
        assertEquals("Expression.Error", notADatabase.error().reason());
        QueryResult withParameters = PowerQuery.evaluate("section S; shared Q = Value.NativeQuery("
                + "Sql.Database(\"srv\", \"sales\"), \"select @p\", [p = 1]);", "Q", db);
        assertTrue(withParameters.error().getMessage().contains("not supported"));
    }

    @Test
    public void odataFeedBecomesATable() {
        QueryResult r = PowerQuery.evaluate("section S; shared Q = OData.Feed(\"https://h/svc/T\");", "Q", access);
        assertEquals(List.of("A", "B"), r.columnNames());
        assertEquals(2, r.rows().size());
        assertTrue(r.rows().get(1).get(1) == null);
    }

    @Test
    public void missingSourceErrorsAreQueryErrors() {
        QueryResult r = PowerQuery.evaluate("section S; shared Q = File.Contents(\"C:\\\\nowhere.csv\");", "Q", access);
        assertEquals("DataSource.NotFound", r.error().reason());
        QueryResult web = PowerQuery.evaluate("section S; shared Q = Web.Contents(\"https://example.com\");", "Q", access);
        assertTrue(web.error().getMessage().contains("not supported"));
    }
}
