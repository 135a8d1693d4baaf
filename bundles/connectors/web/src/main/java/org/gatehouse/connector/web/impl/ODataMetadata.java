package org.gatehouse.connector.web.impl;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.ConnectorException;

/**
 * Column types of an OData v4 entity set from the service's {@code $metadata} (CSDL XML): the entity type's
 * structural properties, Edm types mapped to column types, narrowed and ordered by a {@code $select}. Complex and
 * collection properties are left out (they would need flattening rules of their own); navigation properties are
 * not columns.
 */
final class ODataMetadata {

    private ODataMetadata() {
    }

    /**
     * The columns of the entity set the target URL reads, or null when the metadata does not say (then the types
     * are inferred from the values).
     */
    static List<Column> columns(WebClient client, URI serviceRoot, URI target) throws ConnectorException {
        String entitySet = entitySet(serviceRoot, target);
        if (entitySet == null) {
            return null;
        }
        URI metadata;
        try {
            metadata = Urls.resolve(serviceRoot, "$metadata");
        } catch (URISyntaxException e) {
            return null;
        }
        HttpResponse<InputStream> response = client.fetch(metadata, false);
        Map<String, Map<String, ColumnType>> types;
        Map<String, String> sets;
        try (InputStream body = response.body()) {
            types = new HashMap<>();
            sets = new HashMap<>();
            read(body, types, sets);
        } catch (IOException | XMLStreamException e) {
            return null;
        }
        String type = sets.get(entitySet);
        Map<String, ColumnType> properties = type == null ? null : types.get(type);
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        List<String> select = select(target);
        if (select.isEmpty()) {
            properties.forEach((name, columnType) -> columns.add(new Column(name, columnType)));
        } else {
            for (String name : select) {
                ColumnType columnType = properties.get(name);
                if (columnType != null) {
                    columns.add(new Column(name, columnType));
                }
            }
        }
        return columns.isEmpty() ? null : columns;
    }

    /** The first path segment after the service root, without a key: {@code Products(3)/...} is Products. */
    static String entitySet(URI serviceRoot, URI target) {
        String root = serviceRoot.getPath() == null ? "" : serviceRoot.getPath();
        String path = target.getPath() == null ? "" : target.getPath();
        if (!root.endsWith("/")) {
            root = root + "/";
        }
        if (!path.startsWith(root)) {
            return null;
        }
        String rest = path.substring(root.length());
        int end = rest.length();
        for (char stop : new char[] {'/', '('}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end == 0 ? null : rest.substring(0, end);
    }

    static List<String> select(URI target) {
        List<String> names = new ArrayList<>();
        String query = target.getQuery();
        if (query == null) {
            return names;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("$select=")) {
                for (String name : part.substring(8).split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
            }
        }
        return names;
    }

    private static void read(InputStream in, Map<String, Map<String, ColumnType>> types, Map<String, String> sets)
            throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        String namespace = null;
        Map<String, ColumnType> current = null;
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "Schema":
                            namespace = xml.getAttributeValue(null, "Namespace");
                            break;
                        case "EntityType":
                            current = new LinkedHashMap<>();
                            types.put(namespace + "." + xml.getAttributeValue(null, "Name"), current);
                            break;
                        case "Property":
                            ColumnType type = edm(xml.getAttributeValue(null, "Type"));
                            if (current != null && type != null) {
                                current.put(xml.getAttributeValue(null, "Name"), type);
                            }
                            break;
                        case "EntitySet":
                            sets.put(xml.getAttributeValue(null, "Name"), xml.getAttributeValue(null, "EntityType"));
                            break;
                        default:
                            break;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("EntityType")) {
                    current = null;
                }
            }
        } finally {
            xml.close();
        }
    }

    /** Edm primitive types; null for complex types and collections. */
    static ColumnType edm(String type) {
        if (type == null) {
            return null;
        }
        switch (type) {
            case "Edm.String", "Edm.Guid", "Edm.Duration":
                return ColumnType.STRING;
            case "Edm.Boolean":
                return ColumnType.BOOLEAN;
            case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32":
                return ColumnType.INTEGER;
            case "Edm.Int64":
                return ColumnType.LONG;
            case "Edm.Decimal":
                return ColumnType.DECIMAL;
            case "Edm.Double", "Edm.Single":
                return ColumnType.DOUBLE;
            case "Edm.Date":
                return ColumnType.DATE;
            case "Edm.TimeOfDay":
                return ColumnType.TIME;
            case "Edm.DateTimeOffset":
                return ColumnType.TIMESTAMP_TZ;
            case "Edm.Binary":
                return ColumnType.BINARY;
            default:
                return null;
        }
    }
}
