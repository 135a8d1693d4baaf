package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-built .xlsb parts and packages for tests: POI cannot write .xlsb and no Excel runs here, so the tests write the
 * few [MS-XLSB] records the readers use. A record is its type and size, each a little-endian run of 7-bit groups whose
 * high bit says another byte follows (type: up to 2 bytes, size: up to 4), then its body.
 */
final class XlsbFixtures {

    private XlsbFixtures() {
    }

    /** A record part: records one after another. */
    static final class Records {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Records add(int type, Body body) {
            byte[] data = body.bytes();
            sevenBitGroups(type);
            sevenBitGroups(data.length);
            out.writeBytes(data);
            return this;
        }

        Records add(int type) {
            return add(type, new Body());
        }

        private void sevenBitGroups(int value) {
            do {
                int group = value & 0x7f;
                value >>>= 7;
                out.write(value != 0 ? group | 0x80 : group);
            } while (value != 0);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** A record's body, written little-endian. */
    static final class Body {
        private final ByteBuffer buffer = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

        Body ints(int... values) {
            for (int value : values) {
                buffer.putInt(value);
            }
            return this;
        }

        Body number(double value) {
            buffer.putDouble(value);
            return this;
        }

        /** An XLNullableWideString (null writes the null string) or XLWideString. */
        Body text(String value) {
            if (value == null) {
                return ints(-1);
            }
            ints(value.length());
            buffer.put(value.getBytes(StandardCharsets.UTF_16LE));
            return this;
        }

        byte[] bytes() {
            byte[] data = new byte[buffer.position()];
            buffer.duplicate().flip().get(data);
            return data;
        }
    }

    static final int BRT_ROW_HDR = 0;
    static final int BRT_CELL_REAL = 5;
    static final int BRT_CELL_ST = 6;
    static final int BRT_BUNDLE_SH = 156;
    static final int BRT_BEGIN_LIST = 343;
    static final int BRT_END_LIST = 344;
    static final int BRT_BEGIN_LIST_COLS = 345;
    static final int BRT_END_LIST_COLS = 346;
    static final int BRT_BEGIN_LIST_COL = 347;
    static final int BRT_END_LIST_COL = 348;
    static final int BRT_LIST_PART = 661;

    /** A table part: BrtBeginList, then a BrtBeginListCol per caption (null for a column without one). */
    static byte[] tablePart(String name, String displayName, int firstRow, int firstColumn, int lastRow,
            int lastColumn, boolean header, boolean totals, String... captions) {
        Body list = new Body().ints(firstRow, lastRow, firstColumn, lastColumn, 0, 1, header ? 1 : 0, totals ? 1 : 0, 0)
                .ints(-1, -1, -1, -1, -1, -1, 0).text(name).text(displayName).text(null).text(null).text(null)
                .text(null);
        Records records = new Records().add(BRT_BEGIN_LIST, list)
                .add(BRT_BEGIN_LIST_COLS, new Body().ints(captions.length));
        for (int c = 0; c < captions.length; c++) {
            // the unique name ("1", "2", ...) differs from the caption, as in Excel's query tables
            records.add(BRT_BEGIN_LIST_COL, new Body().ints(c + 1, 0, -1, -1, -1, c + 1).text(String.valueOf(c + 1))
                    .text(captions[c]).text(null).text(null).text(null).text(null)).add(BRT_END_LIST_COL);
        }
        return records.add(BRT_END_LIST_COLS).add(BRT_END_LIST).bytes();
    }

    /** A cell record body: column, style 0. */
    static Body cell(int column) {
        return new Body().ints(column, 0);
    }

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    /**
     * An .xlsb package of one sheet "Data" (its sheet part records given) with the given table parts, related to the
     * sheet as rId1, rId2, ... No styles or shared strings: the cells must hold inline text and numbers.
     */
    static byte[] workbook(byte[] sheetPart, byte[]... tableParts) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
                + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Override "
                + "PartName=\"/xl/workbook.bin\" ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\""
                + "/><Override PartName=\"/xl/worksheets/sheet1.bin\" ContentType=\"application/vnd.ms-excel.worksheet\""
                + "/>");
        StringBuilder sheetRelationships = new StringBuilder();
        for (int t = 0; t < tableParts.length; t++) {
            String part = "xl/tables/table" + (t + 1) + ".bin";
            parts.put(part, tableParts[t]);
            types.append("<Override PartName=\"/").append(part).append("\" ContentType=\"application/vnd.ms-excel.table\"/>");
            sheetRelationships.append(relationship("rId" + (t + 1), "table", "../tables/table" + (t + 1) + ".bin"));
        }
        parts.put("[Content_Types].xml", utf8(types.append("</Types>")));
        parts.put("_rels/.rels", relationships(relationship("rId1", "officeDocument", "xl/workbook.bin")));
        parts.put("xl/workbook.bin", new Records().add(BRT_BUNDLE_SH, new Body().ints(0, 1).text("rId1").text("Data"))
                .bytes());
        parts.put("xl/_rels/workbook.bin.rels", relationships(relationship("rId1", "worksheet",
                "worksheets/sheet1.bin")));
        parts.put("xl/worksheets/sheet1.bin", sheetPart);
        parts.put("xl/worksheets/_rels/sheet1.bin.rels", relationships(sheetRelationships.toString()));
        return zip(parts);
    }

    private static String relationship(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"" + RELATIONSHIPS + type + "\" Target=\"" + target + "\"/>";
    }

    private static byte[] relationships(String relationships) {
        return utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\">" + relationships + "</Relationships>");
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
