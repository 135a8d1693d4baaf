package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Xml.Tables' flattened view, on small documents of our own written to cover each rule: repeated and single children,
 * leaves, attributes, Element:Text, namespaces, the navigation root, ragged rows.
 */
public class XmlTablesTest {

    private static String tables(String document) {
        return "Xml.Tables(" + lit(document) + ")";
    }

    /** The XML as an M text literal; the fixtures write attribute quotes as ' for readability. */
    private static String lit(String document) {
        return "\"" + document.replace("'", "\"\"") + "\"";
    }

    @Test
    public void containerRootIsANavigationTableOfItsChildren() {
        String doc = "<shelf><book><title>Dune</title><year>1965</year></book>"
                + "<book><title>Emma</title><year>1815</year></book></shelf>";
        same("#table({\"Name\", \"Table\"}, {{\"book\", #table({\"title\", \"year\"}, "
                + "{{\"Dune\", \"1965\"}, {\"Emma\", \"1815\"}})}})", tables(doc));
        same("\"Emma\"", tables(doc) + "{0}[Table]{1}[title]");
        same("type table [Name = text, Table = table]", "Value.Type(" + tables(doc) + ")");
        // indented as the older function reference writes its example: white space between elements is no text
        same("#table({\"Name\", \"Table\"}, {{\"book\", #table({\"name\"}, {{\"Book1\"}, {\"Book2\"}})}})",
                tables("<books>#(lf)    <book>#(lf)        <name>Book1</name>#(lf)    </book>#(lf)    <book>#(lf)"
                        + "        <name>Book2</name>#(lf)    </book>#(lf)</books>"));
    }

    @Test
    public void containersNestNavigationTablesAlongTheChainFromTheRoot() {
        // a SOAP answer carrying a .NET DataSet: every container down to the rows is a {0}[Table] step, namespace
        // groups included (the unqualified NewDataSet is the "Namespace:" group)
        String doc = "<soap:Envelope xmlns:soap='urn:soap'><soap:Body><GetRowsResponse xmlns='urn:svc'><GetRowsResult>"
                + "<xs:schema xmlns='' xmlns:xs='urn:xs'><xs:element name='NewDataSet'/></xs:schema>"
                + "<dg:diffgram xmlns:ms='urn:ms' xmlns:dg='urn:dg'><NewDataSet xmlns=''>"
                + "<Table dg:id='Table1' ms:rowOrder='0'><member>7</member><minutes>30</minutes></Table>"
                + "<Table dg:id='Table2' ms:rowOrder='1'><member>8</member><minutes>45</minutes></Table>"
                + "</NewDataSet></dg:diffgram></GetRowsResult></GetRowsResponse></soap:Body></soap:Envelope>";
        String path = tables(doc) + "{0}[Table]{0}[Table]{0}[Table]{0}[Table]{1}[Table]{0}[Table]{0}[Table]{0}[Table]";
        same("{\"Body\"}", tables(doc) + "[Name]");
        same("{\"urn:xs\", \"urn:dg\"}", tables(doc) + "{0}[Table]{0}[Table]{0}[Table]{0}[Table][Name]");
        same("{\"Namespace:\"}", tables(doc) + "{0}[Table]{0}[Table]{0}[Table]{0}[Table]{1}[Table]{0}[Table][Name]");
        same("{\"Table\"}", path + "[Name]");
        same("#table({\"member\", \"minutes\"}, {{\"7\", \"30\"}, {\"8\", \"45\"}})",
                "Table.SelectColumns(" + path + "{0}[Table], {\"member\", \"minutes\"})");
        same("{\"member\", \"minutes\", \"urn:dg\", \"urn:ms\"}", "Table.ColumnNames(" + path + "{0}[Table])");
        // below a row-form table there are no navigation tables: a one-row container is a plain column
        same("#table({\"area\"}, {{#table({\"Attribute:id\"}, {{\"1\"}, {\"2\"}})}})",
                tables("<product version='1'><forecast><area id='1'/><area id='2'/></forecast></product>")
                        + "{0}[forecast]");
    }

    @Test
    public void structureMessageShapes() {
        // the shape of an SDMX structure message: codes with names in another namespace and xml:lang
        String doc = "<m:Structure xmlns:m='urn:msg' xmlns:s='urn:str' xmlns:c='urn:com'><m:Header><m:ID>I1</m:ID>"
                + "</m:Header><m:Structures><s:Codelists><s:Codelist id='CL_GEO' version='1.0'>"
                + "<c:Name xml:lang='en'>Geography</c:Name><s:Code id='FJ'><c:Name xml:lang='en'>Fiji</c:Name>"
                + "<c:Name xml:lang='fr'>Fidji</c:Name></s:Code></s:Codelist></s:Codelists><s:DataStructures>"
                + "<s:DataStructure id='DSD'><s:Dimension id='GEO'><s:Enumeration><Ref id='CL_GEO'/></s:Enumeration>"
                + "</s:Dimension></s:DataStructure></s:DataStructures></m:Structures></m:Structure>";
        String structures = tables(doc) + "{1}[Table]{0}[Table]";
        same("{\"Codelists\", \"DataStructures\"}", structures + "[Name]");
        String codelist = structures + "{0}[Table]{0}[Table]";
        same("{\"urn:com\", \"Code\", \"Attribute:id\", \"Attribute:version\"}",
                "Table.ColumnNames(" + codelist + ")");
        // an element's own text comes before the group of its namespaced attributes
        same("#table({\"Element:Text\", \"http://www.w3.org/XML/1998/namespace\"}, {{\"Fiji\", "
                + "#table({\"Attribute:lang\"}, {{\"en\"}})}, {\"Fidji\", #table({\"Attribute:lang\"}, {{\"fr\"}})}})",
                codelist + "{0}[Code]{0}[#\"urn:com\"]{0}[Name]");
        same("\"CL_GEO\"", structures + "{1}[Table]{0}[Table]{0}[Dimension]{0}[Enumeration]{0}[#\"Namespace:\"]{0}[Ref]"
                + "{0}[#\"Attribute:id\"]");
    }

    @Test
    public void navigationTableOptionFalseKeepsTheRootRow() {
        String doc = "<shelf><book><title>Dune</title></book><book><title>Emma</title></book></shelf>";
        same("#table({\"book\"}, {{#table({\"title\"}, {{\"Dune\"}, {\"Emma\"}})}})",
                "Xml.Tables(" + lit(doc) + ", [NavigationTable = false])");
    }

    @Test
    public void rootWithLeavesOrAttributesIsOneRow() {
        same("#table({\"id\", \"Country\", \"Division\"}, {{\"3\", \"Panama\", \"BI-507\"}})",
                tables("<root><id>3</id><Country>Panama</Country><Division>BI-507</Division></root>"));
        // attributes come after the child columns; nested repeated children are tables
        same("#table({\"Entry\", \"Attribute:Code\", \"Attribute:From\"}, {{#table({\"Amount\", \"Rate\", "
                        + "\"Attribute:Date\", \"Attribute:Ref\"}, {{\"1\", \"73,8\", \"01.02.2023\", \"Q1\"}, "
                        + "{\"1\", \"74,1\", \"02.02.2023\", \"Q1\"}}), \"K7\", \"2023\"}})",
                tables("<Rates Code='K7' From='2023'><Entry Date='01.02.2023' Ref='Q1'><Amount>1</Amount>"
                        + "<Rate>73,8</Rate></Entry><Entry Date='02.02.2023' Ref='Q1'><Amount>1</Amount>"
                        + "<Rate>74,1</Rate></Entry></Rates>"));
    }

    @Test
    public void singleChildWithAttributesOrChildrenIsAOneRowTable() {
        String doc = "<list n='2'><item><name>Oslo</name><zone code='EU'>Europe</zone><geo><lat>59.9</lat></geo>"
                + "</item><item><name>Lima</name><zone code='SA'/></item></list>";
        same("#table({\"name\", \"zone\", \"geo\"}, {{\"Oslo\", #table({\"Element:Text\", \"Attribute:code\"}, "
                + "{{\"Europe\", \"EU\"}}), #table({\"lat\"}, {{\"59.9\"}})}, {\"Lima\", "
                + "#table({\"Attribute:code\"}, {{\"SA\"}}), null}})", tables(doc) + "{0}[item]");
    }

    @Test
    public void repeatedLeavesAreTablesOfElementTextAndEmptyElementsAreTables() {
        same("#table({\"tag\", \"note\", \"Attribute:id\"}, {{#table({\"Element:Text\"}, {{\"red\"}, {\"blue\"}}), "
                + "#table({}, {{}}), \"p1\"}})", tables("<post id='p1'><tag>red</tag><tag>blue</tag><note/></post>"));
        // white space alone is no text either
        same("type table", "Type.TableColumn(Value.Type(" + tables("<post id='p1'><note> </note></post>")
                + "), \"note\")");
    }

    @Test
    public void aColumnWithOneTableIsAllTables() {
        // as the World Bank's country list shows: capital cities are tables because some are empty
        String countries = "<countries page='1'><country id='ABW'><name>Aruba</name><capital>Oranjestad</capital>"
                + "</country><country id='WLD'><name>World</name><capital/></country></countries>";
        same("#table({\"name\", \"capital\", \"Attribute:id\"}, {{\"Aruba\", #table({\"Element:Text\"}, "
                + "{{\"Oranjestad\"}}), \"ABW\"}, {\"World\", #table({}, {{}}), \"WLD\"}})",
                tables(countries) + "{0}[country]");
        same("type table [name = text, capital = table, #\"Attribute:id\" = text]",
                "Value.Type(" + tables(countries) + "{0}[country])");
        same("{\"Oranjestad\", null}", "Table.ExpandTableColumn(" + tables(countries) + "{0}[country], \"capital\", "
                + "{\"Element:Text\"}, {\"Capital\"})[Capital]");
        // one phone is a table as soon as another person has two
        String doc = "<people x='1'><p><phone>1</phone></p><p><phone>2</phone><phone>3</phone></p><p/></people>";
        same("{#table({\"Element:Text\"}, {{\"1\"}}), #table({\"Element:Text\"}, {{\"2\"}, {\"3\"}}), null}",
                tables(doc) + "{0}[p][phone]");
    }

    @Test
    public void mixedContentKeepsOnlyTheElements() {
        same("#table({\"i\"}, {{\"world\"}})", tables("<abc>Hello <i>world</i></abc>"));
    }

    @Test
    public void namespacesGroupForeignChildrenAndAttributesUnderTheirUri() {
        String doc = "<m:Msg xmlns:m='urn:m' xmlns:g='urn:g'><m:Head><m:ID>7</m:ID></m:Head>"
                + "<m:Set kind='full'><g:Obs><g:Val v='1'/></g:Obs><g:Obs><g:Val v='2'/></g:Obs></m:Set></m:Msg>";
        // a root that declares namespaces only is still a container: namespace declarations are not attributes
        same("{\"Head\", \"Set\"}", tables(doc) + "[Name]");
        same("{\"urn:g\", \"Attribute:kind\"}", "Table.ColumnNames(" + tables(doc) + "{1}[Table])");
        same("#table({\"Val\"}, {{#table({\"Attribute:v\"}, {{\"1\"}})}, {#table({\"Attribute:v\"}, {{\"2\"}})}})",
                tables(doc) + "{1}[Table]{0}[#\"urn:g\"]{0}[Obs]");
        // the same namespace as the parent, default or prefixed, is plain local names
        same("#table({\"b\"}, {{\"1\"}})", tables("<a xmlns='urn:d'><b>1</b></a>"));
        String xsi = "<r xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xsi:noNamespaceSchemaLocation='s.xsd' "
                + "version='2'><item>x</item></r>";
        same("{\"item\", \"http://www.w3.org/2001/XMLSchema-instance\", \"Attribute:version\"}",
                "Table.ColumnNames(" + tables(xsi) + ")");
        same("\"s.xsd\"", tables(xsi) + "{0}[#\"http://www.w3.org/2001/XMLSchema-instance\"]{0}"
                + "[#\"Attribute:noNamespaceSchemaLocation\"]");
    }

    @Test
    public void textsAreKeptAsWrittenAndDecoded() {
        same("#table({\"v\", \"w\"}, {{\"  a & b <c> \", \"x\"}})",
                tables("<r><v>  a &amp; b <![CDATA[<c>]]> </v><w>x<!-- note --></w></r>"));
        same("#table({\"b\"}, {{\"expanded\"}})", "Xml.Tables(\"<!DOCTYPE a [<!ENTITY e \"\"expanded\"\">]>"
                + "<a><b>&e;</b></a>\")");
    }

    @Test
    public void binaryInputAndEncodingArgument() {
        same("#table({\"b\"}, {{\"é€\"}})", "Xml.Tables(Text.ToBinary(\"<a><b>é€</b></a>\"))");
        same("#table({\"b\"}, {{\"é€\"}})", "Xml.Tables(Text.ToBinary(\"<a><b>é€</b></a>\", 1252), null, 1252)");
        same("#table({\"b\"}, {{\"é€\"}})", "Xml.Tables(Text.ToBinary(\"<?xml version=\"\"1.0\"\" "
                + "encoding=\"\"windows-1252\"\"?><a><b>é€</b></a>\", 1252))");
        fails("DataFormat.Error", "Xml.Tables(Text.ToBinary(\"<a><b>é€</b></a>\", 1252))");
    }

    @Test
    public void malformedInputIsADataFormatError() {
        fails("DataFormat.Error", tables("<a><b></a>"));
        fails("DataFormat.Error", tables(""));
        fails("DataFormat.Error", tables("<a>&nbsp;</a>"));
        fails("Expression.Error", "Xml.Tables(42)");
    }
}
