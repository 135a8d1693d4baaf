package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.impl.lib.XmlTree.Attr;
import org.gatehouse.powerquery.impl.lib.XmlTree.Element;
import org.gatehouse.powerquery.impl.value.*;

/**
 * Xml.Document (the element tree as nested Name/Namespace/Value/Attributes tables) and Xml.Tables (Power Query's
 * flattened view). Both read the whole document once into an {@link XmlTree}; nested tables are built when first
 * read. Every value is text, as in Power Query: types are the user's Table.TransformColumnTypes step.
 *
 * <p>Xml.Tables' shape, per element: one column per distinct child element name (local name, in order of first
 * appearance), then "Element:Text" (the element's own text, when it has no child elements but has attributes or
 * is itself a row), then one "Attribute:name" column per attribute (namespace declarations are not attributes).
 * A child column holds the child's text when the parent has exactly one child of that name and that child has text
 * but neither attributes nor child elements; otherwise a table with one row per child of that name (an empty element
 * is a row without columns). A column of a table is all tables as soon as one of its cells is one: a text there is a
 * one-row table of Element:Text. Children and attributes in another namespace than their parent's are gathered under
 * a column named by that namespace URI ("Namespace:" for no namespace), holding a one-row table of them; such groups
 * of attributes come after Element:Text. The document gives its root element's row; when
 * every cell of that row is a table (a root that is only a container), the result is instead a navigation table
 * Name/Table with one row per column, and so on down while a Table is again one row of only tables (unless the
 * NavigationTable option is false).
 */
final class XmlFunctions {

    private XmlFunctions() {
    }

    private static final List<String> DOCUMENT_COLUMNS = List.of("Name", "Namespace", "Value", "Attributes");
    private static final List<MType> DOCUMENT_TYPES = List.of(MType.TEXT, MType.TEXT, MType.ANY,
            MType.primitive("table"));
    private static final List<String> ATTRIBUTE_COLUMNS = List.of("Name", "Namespace", "Value");
    private static final List<MType> ATTRIBUTE_TYPES = List.of(MType.TEXT, MType.TEXT, MType.TEXT);
    private static final MType TABLE = MType.primitive("table");

    static void register(Library lib) {
        // Xml.Document(contents, encoding); the older reference had (contents, options, encoding)
        lib.fn("Xml.Document", 1, 3, a -> document(XmlTree.parse(Args.v(a, 0),
                Args.v(a, 1) instanceof MRecord ? Args.v(a, 2) : Args.v(a, 1), "Xml.Document")));
        lib.fn("Xml.Tables", 1, 3, a -> {
            MRecord options = Args.recordOrEmpty(a, 1);
            Object navigation = Args.option(options, "NavigationTable");
            Object encoding = Args.v(a, 2) != null ? Args.v(a, 2) : Args.option(options, "Encoding");
            return tables(XmlTree.parse(Args.v(a, 0), encoding, "Xml.Tables"), !Boolean.FALSE.equals(navigation));
        });
    }

    // ---- Xml.Document

    static MTable document(Element root) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(documentRow(root));
        return new MTable(DOCUMENT_COLUMNS, DOCUMENT_TYPES, rows);
    }

    private static Object[] documentRow(Element e) {
        Object value;
        if (!e.hasElements() && !e.text().isBlank()) {
            value = e.text();
        } else if (e.hasElements() && e.hasOwnText()) {
            // mixed content: the markup as text, as Power Query gives it
            value = e.innerXml().strip();
        } else {
            // the child elements; none for an empty element (the reference: Xml.Document("<a></a>") has Value {})
            value = new Thunk(() -> {
                List<Object[]> rows = new ArrayList<>();
                for (Element child : e.elements()) {
                    rows.add(documentRow(child));
                }
                return new MTable(DOCUMENT_COLUMNS, DOCUMENT_TYPES, rows);
            });
        }
        Thunk attributes = new Thunk(() -> {
            List<Object[]> rows = new ArrayList<>();
            for (Attr at : e.attributes) {
                rows.add(new Object[] {at.local(), at.namespace(), at.value()});
            }
            return new MTable(ATTRIBUTE_COLUMNS, ATTRIBUTE_TYPES, rows);
        });
        return new Object[] {e.local, e.namespace, value, attributes};
    }

    // ---- Xml.Tables

    static MTable tables(Element root, boolean navigation) {
        Row row = row(root.namespace, root.content, root.attributes, true);
        return navigation && row.onlyTables() ? navigationTable(row) : table(List.of(row));
    }

    /**
     * A row whose cells are all tables as a Name/Table table, one row per cell; a cell that is itself one row of only
     * tables is again a navigation table, so that a chain of containers (a SOAP envelope and body, a namespace group)
     * is walked with {0}[Table] steps.
     */
    private static MTable navigationTable(Row row) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Object> cell : row.cells.entrySet()) {
            Nested nested = (Nested) cell.getValue();
            rows.add(new Object[] {cell.getKey(), new Thunk(() -> {
                List<Row> inner = nested.rows();
                return inner.size() == 1 && inner.get(0).onlyTables() ? navigationTable(inner.get(0)) : table(inner);
            })});
        }
        return new MTable(List.of("Name", "Table"), List.of(MType.TEXT, TABLE), rows);
    }

    /** One element (or one namespace group) as a row: its columns in order, each a text or a {@link Nested}. */
    private static final class Row {
        final LinkedHashMap<String, Object> cells = new LinkedHashMap<>();
        /** Namespace groups made of attributes only: they come after Element:Text, among the attributes. */
        final java.util.Set<String> attributeGroups = new java.util.HashSet<>();

        boolean onlyTables() {
            return !cells.isEmpty() && cells.values().stream().allMatch(c -> c instanceof Nested);
        }
    }

    /** A cell's nested table, as rows computed once when first needed. */
    private static final class Nested {
        private java.util.function.Supplier<List<Row>> supplier;
        private List<Row> rows;

        Nested(java.util.function.Supplier<List<Row>> supplier) {
            this.supplier = supplier;
        }

        synchronized List<Row> rows() {
            if (rows == null) {
                rows = supplier.get();
                supplier = null;
            }
            return rows;
        }
    }

    /** The column of the children and attributes of another namespace: its URI, "Namespace:" for no namespace. */
    private static String groupName(String namespace) {
        return namespace.isEmpty() ? "Namespace:" : namespace;
    }

    /**
     * The row of an element's content: children in {@code namespace} by local name, others grouped by namespace;
     * {@code ownText} tells whether the text of a content without child elements is the Element:Text column.
     */
    private static Row row(String namespace, List<Object> content, List<Attr> attributes, boolean ownText) {
        LinkedHashMap<String, List<Element>> byName = new LinkedHashMap<>();
        LinkedHashMap<String, List<Object>> otherContent = new LinkedHashMap<>();
        LinkedHashMap<String, List<Attr>> otherAttributes = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        boolean elements = false;
        for (Object o : content) {
            if (o instanceof Element child) {
                elements = true;
                if (child.namespace.equals(namespace)) {
                    byName.computeIfAbsent(child.local, k -> new ArrayList<>()).add(child);
                } else {
                    otherContent.computeIfAbsent(child.namespace, k -> new ArrayList<>()).add(child);
                    byName.computeIfAbsent("\u0000" + child.namespace, k -> new ArrayList<>());
                }
            } else {
                text.append((String) o);
            }
        }
        Row row = new Row();
        List<String> groups = new ArrayList<>();
        for (Map.Entry<String, List<Element>> group : byName.entrySet()) {
            if (group.getKey().startsWith("\u0000")) {
                String ns = group.getKey().substring(1);
                groups.add(ns);
                row.cells.put(groupName(ns), null); // placed now, filled once the namespace's attributes are known
                continue;
            }
            List<Element> same = group.getValue();
            if (same.size() == 1 && isLeaf(same.get(0))) {
                row.cells.put(group.getKey(), same.get(0).text());
            } else {
                row.cells.put(group.getKey(), new Nested(() -> rows(same)));
            }
        }
        if (ownText && !elements && !text.toString().isBlank()) {
            row.cells.put("Element:Text", text.toString());
        }
        for (Attr a : attributes) {
            if (a.declaration()) {
                continue;
            }
            if (a.namespace().isEmpty() || a.namespace().equals(namespace)) {
                row.cells.putIfAbsent("Attribute:" + a.local(), a.value());
            } else {
                otherAttributes.computeIfAbsent(a.namespace(), k -> new ArrayList<>()).add(a);
                if (!groups.contains(a.namespace())) {
                    groups.add(a.namespace());
                    row.cells.put(groupName(a.namespace()), null);
                    row.attributeGroups.add(groupName(a.namespace()));
                }
            }
        }
        for (String ns : groups) {
            List<Object> nsContent = otherContent.getOrDefault(ns, List.of());
            List<Attr> nsAttributes = otherAttributes.getOrDefault(ns, List.of());
            row.cells.put(groupName(ns), new Nested(() -> List.of(row(ns, nsContent, nsAttributes, false))));
        }
        return row;
    }

    /**
     * A child shown as a plain text cell: some text, no attributes (declarations aside), no child elements. An empty
     * element is a table (of one row without columns), as Power Query shows it.
     */
    private static boolean isLeaf(Element e) {
        return !e.hasElements() && e.plainAttributes().isEmpty() && !e.text().isBlank();
    }

    private static List<Row> rows(List<Element> elements) {
        List<Row> rows = new ArrayList<>();
        for (Element e : elements) {
            rows.add(row(e.namespace, e.content, e.attributes, true));
        }
        return rows;
    }

    /**
     * Rows to a table: columns in order of first appearance, the children's before Element:Text and the attributes'.
     * A column is typed text, or table when any of its cells is a table (the others then are tables too).
     */
    private static MTable table(List<Row> rows) {
        List<String> children = new ArrayList<>();
        boolean text = false;
        List<String> attributes = new ArrayList<>();
        for (Row r : rows) {
            for (String name : r.cells.keySet()) {
                if (name.equals("Element:Text")) {
                    text = true;
                } else if (name.startsWith("Attribute:") || r.attributeGroups.contains(name)) {
                    if (!attributes.contains(name) && !children.contains(name)) {
                        attributes.add(name);
                    }
                } else if (!children.contains(name)) {
                    children.add(name);
                    attributes.remove(name);
                }
            }
        }
        List<String> columns = new ArrayList<>(children);
        if (text) {
            columns.add("Element:Text");
        }
        columns.addAll(attributes);
        // a column is tables as soon as one of its cells is: its texts become one-row tables of Element:Text
        boolean[] tables = new boolean[columns.size()];
        for (Row r : rows) {
            for (int i = 0; i < tables.length; i++) {
                tables[i] |= r.cells.get(columns.get(i)) instanceof Nested;
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (Row r : rows) {
            Object[] cells = new Object[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                Object v = r.cells.get(columns.get(i));
                if (v instanceof Nested nested) {
                    cells[i] = new Thunk(() -> table(nested.rows()));
                } else if (v instanceof String leafText && tables[i] && !columns.get(i).startsWith("Attribute:")
                        && !columns.get(i).equals("Element:Text")) {
                    Row leaf = new Row();
                    leaf.cells.put("Element:Text", leafText);
                    cells[i] = new Thunk(() -> table(List.of(leaf)));
                } else {
                    cells[i] = v;
                }
            }
            out.add(cells);
        }
        List<MType> types = new ArrayList<>();
        for (boolean table : tables) {
            types.add(table ? TABLE : MType.TEXT);
        }
        return new MTable(columns, types, out);
    }
}
