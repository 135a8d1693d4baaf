package org.gatehouse.protocol;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.api.Column;
import org.gatehouse.api.ColumnType;
import org.gatehouse.api.Schema;

/**
 * The body of a schema message: the table's index and name and its columns. Column types travel by name so that a
 * reader meets an unknown type as a clear error rather than a misread.
 */
public record TableHeader(int index, String name, Schema schema) {

    byte[] encode() {
        BodyWriter out = new BodyWriter(64 + schema.size() * 24);
        out.writeVarInt(index);
        out.writeString(name);
        out.writeVarInt(schema.size());
        for (Column column : schema.columns()) {
            out.writeString(column.name());
            out.writeString(column.type().name());
        }
        return out.copy(0, out.length());
    }

    static TableHeader decode(byte[] body) throws ProtocolException {
        BodyReader in = new BodyReader(body);
        int index = in.readVarInt();
        String name = in.readString();
        int count = in.readVarInt();
        if (count < 0) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "corrupt schema message: negative column count");
        }
        List<Column> columns = new ArrayList<>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            String columnName = in.readString();
            String typeName = in.readString();
            try {
                columns.add(new Column(columnName, ColumnType.valueOf(typeName)));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST,
                        "column " + columnName + " has an unknown type " + typeName);
            }
        }
        return new TableHeader(index, name, new Schema(columns));
    }
}
