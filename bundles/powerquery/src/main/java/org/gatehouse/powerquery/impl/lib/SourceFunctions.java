package org.gatehouse.powerquery.impl.lib;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.impl.value.*;

/** Data-access and format functions: files, folders, web, CSV, JSON, binary encodings, Excel workbooks. */
final class SourceFunctions {

    private SourceFunctions() {
    }

    private static final List<String> FOLDER_FILES_COLUMNS = List.of("Content", "Name", "Extension", "Date accessed",
            "Date modified", "Date created", "Attributes", "Folder Path");
    private static final List<MType> FOLDER_FILES_TYPES = List.of(MType.primitive("binary"), MType.TEXT, MType.TEXT,
            MType.primitive("datetime"), MType.primitive("datetime"), MType.primitive("datetime"),
            MType.primitive("record"), MType.TEXT);

    /** Folder.Contents' Content holds a subfolder's table or a file's binary, so it is typed any. */
    private static final List<MType> FOLDER_CONTENTS_TYPES = List.of(MType.ANY, MType.TEXT, MType.TEXT,
            MType.primitive("datetime"), MType.primitive("datetime"), MType.primitive("datetime"),
            MType.primitive("record"), MType.TEXT);

    /**
     * Folder.Contents: one row per file and subfolder directly in the folder, with Folder.Files' columns. A subfolder's
     * Content is its own Folder.Contents, listed only when read (navigating into it is the usual next step); it has no
     * extension and no size, and its Attributes say Directory, as Power Query's do.
     */
    private static MTable folderContents(DataAccess access, String path) {
        List<Object[]> rows = new ArrayList<>();
        for (DataAccess.FolderEntry e : access.folderContents(path)) {
            int dot = e.name().lastIndexOf('.');
            MRecord attributes = new MRecord(List.of("Size", "ReadOnly", "Hidden", "Directory"), java.util.Arrays.asList(
                    e.size() < 0 ? null : (double) e.size(), e.readOnly(), e.hidden(), e.directory()));
            Thunk content = e.directory() ? new Thunk(() -> folderContents(access, e.path()))
                    : new Thunk(() -> MBinary.streamed(access.fileStream(e.path())));
            String extension = e.directory() || dot < 0 ? "" : e.name().substring(dot).toLowerCase(java.util.Locale.ROOT);
            rows.add(new Object[] {content, e.name(), extension, e.accessed(), e.modified(), e.created(), attributes,
                    e.folderPath()});
        }
        return new MTable(FOLDER_FILES_COLUMNS, FOLDER_CONTENTS_TYPES, rows);
    }

    static void register(Library lib) {
        DataAccess access = lib.access;
        lib.fn("File.Contents", 1, 2, a -> MBinary.streamed(access.fileStream(Args.text(a, 0))));
        lib.fn("Web.Contents", 1, 2, a -> {
            WebContentsOptions request = WebContentsOptions.of(Args.text(a, 0), Args.recordOrEmpty(a, 1));
            return new MBinary(request.content() == null ? access.webContents(request.url(), request.headers())
                    : access.webPost(request.url(), request.headers(), request.content()));
        });
        lib.fn("Sql.Database", 2, 3, a -> {
            MRecord options = Args.recordOrEmpty(a, 2);
            Object query = Args.option(options, "Query");
            if (query == null) {
                return SqlNavigation.of(access, Args.text(a, 0), Args.text(a, 1));
            }
            return fromResult(access.sqlQuery(Args.text(a, 0), Args.text(a, 1), Values.text(query)));
        });
        // Value.NativeQuery(Sql.Database(server, database), query, parameters, options) runs the query as
        // Sql.Database's Query option does; options (EnableFolding, ...) only steer folding, which does not happen here
        lib.fn("Value.NativeQuery", 2, 4, a -> {
            String[] origin = SqlNavigation.origin(Args.v(a, 0));
            if (origin == null) {
                throw Errors.expression("Value.NativeQuery needs a database from Sql.Database as its target.");
            }
            Object parameters = Args.v(a, 2);
            if (parameters instanceof MRecord r && !r.names().isEmpty() || parameters instanceof MList l && l.size() > 0) {
                throw Errors.notSupported("Value.NativeQuery with parameters");
            }
            return fromResult(access.sqlQuery(origin[0], origin[1], Args.text(a, 1)));
        });
        lib.fn("OData.Feed", 1, 3, a -> {
            org.gatehouse.powerquery.QueryResult served = access.odataRows(Args.text(a, 0));
            if (served != null) {
                return fromResult(served);
            }
            Object doc = JsonValues.parse(Encodings.decode(access.odataFeed(Args.text(a, 0)), null));
            Object rows = doc instanceof MRecord r && r.has("value") ? r.get("value") : doc;
            List<String> names = new ArrayList<>();
            for (Object o : Values.list(rows).values()) {
                for (String n : Values.record(o).names()) {
                    if (!names.contains(n) && !n.startsWith("@odata.")) {
                        names.add(n);
                    }
                }
            }
            List<Object[]> out = new ArrayList<>();
            for (Object o : Values.list(rows).values()) {
                MRecord r = Values.record(o);
                Object[] row = new Object[names.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.has(names.get(i)) ? r.get(names.get(i)) : null;
                }
                out.add(row);
            }
            return new MTable(names, null, out);
        });
        lib.fn("Folder.Files", 1, 2, a -> {
            List<Object[]> rows = new ArrayList<>();
            for (DataAccess.FolderEntry e : access.folderFiles(Args.text(a, 0))) {
                int dot = e.name().lastIndexOf('.');
                MRecord attributes = new MRecord(List.of("Size", "ReadOnly", "Hidden"),
                        java.util.Arrays.asList(e.size() < 0 ? null : (double) e.size(), e.readOnly(), e.hidden()));
                rows.add(new Object[] {new Thunk(() -> MBinary.streamed(access.fileStream(e.path()))), e.name(),
                        dot < 0 ? "" : e.name().substring(dot).toLowerCase(java.util.Locale.ROOT), e.accessed(), e.modified(), e.created(),
                        attributes, e.folderPath()});
            }
            // Power Query's columns and types: generated steps name the dates and Attributes, and Excel loads neither
            // the binary Content nor the Attributes record into a sheet
            return new MTable(FOLDER_FILES_COLUMNS, FOLDER_FILES_TYPES, rows);
        });
        lib.fn("Folder.Contents", 1, 2, a -> folderContents(access, Args.text(a, 0)));
        lib.fn("Csv.Document", 1, 5, a -> CsvDocument.read(Args.v(a, 0), Args.v(a, 1), Args.v(a, 2), Args.v(a, 4)));
        lib.fn("Json.FromValue", 1, 2, a -> new MBinary(JsonValues.write(Args.v(a, 0))
                .getBytes(Encodings.charset(Args.v(a, 1)))));
        lib.fn("Json.Document", 1, 2, a -> {
            Object v = Args.v(a, 0);
            String text = v instanceof MBinary b ? Encodings.decode(b.bytes(), Args.v(a, 1)) : Values.text(v);
            return JsonValues.parse(text);
        });
        lib.fn("Binary.FromText", 1, 2, a -> {
            if (Args.v(a, 0) == null) {
                return null;
            }
            String s = Args.text(a, 0);
            if (Args.v(a, 1) != null && Args.number(a, 1) == 1) {
                return new MBinary(java.util.HexFormat.of().parseHex(s));
            }
            try {
                return new MBinary(java.util.Base64.getMimeDecoder().decode(s));
            } catch (IllegalArgumentException e) {
                throw Errors.dataFormat("The input is not valid Base64.");
            }
        });
        lib.fn("Binary.ToText", 1, 2, a -> {
            byte[] b = ((MBinary) Args.v(a, 0)).bytes();
            return Args.v(a, 1) != null && Args.number(a, 1) == 1 ? java.util.HexFormat.of().formatHex(b)
                    : java.util.Base64.getEncoder().encodeToString(b);
        });
        lib.fn("Binary.Length", 1, 1, a -> (double) ((MBinary) Args.v(a, 0)).bytes().length);
        lib.fn("Binary.Buffer", 1, 1, a -> Args.v(a, 0));
        lib.fn("Binary.View", 2, 2, a -> {
            // with no source to fold to, a view is its content: GetStream's binary when given, else the binary itself
            MRecord handlers = Args.record(a, 1);
            if (handlers.has("GetStream")) {
                return Values.function(handlers.get("GetStream")).call();
            }
            if (Args.v(a, 0) == null) {
                throw Errors.expression("Binary.View without a binary needs a GetStream handler.");
            }
            return Args.v(a, 0);
        });
        lib.fn("Binary.Decompress", 2, 2, a -> new MBinary(decompress(((MBinary) Args.v(a, 0)).bytes(), Args.integer(a, 1))));
        lib.fn("Binary.Compress", 2, 2, a -> Args.v(a, 0) == null ? null
                : new MBinary(compress(((MBinary) Args.v(a, 0)).bytes(), Args.integer(a, 1))));
        lib.fn("Excel.Workbook", 1, 3, a -> {
            MBinary b = (MBinary) Args.v(a, 0);
            // useHeaders is a logical or, in current Power Query, a record of options
            Object options = Args.v(a, 1);
            if (options instanceof MRecord record) {
                return ExcelTables.workbook(b.bytes(), option(record, "UseHeaders"),
                        option(record, "InferSheetDimensions"));
            }
            return ExcelTables.workbook(b.bytes(), Boolean.TRUE.equals(options));
        });
        // the queries of one refresh (one library) that read Excel.CurrentWorkbook share one reading of the workbook
        Object[] current = new Object[2];
        lib.fn("Excel.CurrentWorkbook", 0, 0, a -> {
            byte[] wb = access.currentWorkbook();
            if (wb == null) {
                throw Errors.expression("Excel.CurrentWorkbook is only available while refreshing a workbook.");
            }
            synchronized (current) {
                if (current[0] != wb) {
                    current[1] = ExcelTables.currentWorkbook(wb);
                    current[0] = wb;
                }
                return current[1];
            }
        });
    }

    /** A logical option of a record; absent or null is false. */
    private static boolean option(MRecord options, String name) {
        return options.has(name) && Boolean.TRUE.equals(Thunk.force(options.get(name)));
    }

    /** A gateway result (Java values of the api's column types) as an M table with matching M types. */
    static MTable fromResult(org.gatehouse.powerquery.QueryResult result) {
        List<String> names = new ArrayList<>();
        List<MType> types = new ArrayList<>();
        for (org.gatehouse.api.Column c : result.columns()) {
            names.add(c.name());
            types.add(switch (c.type()) {
                case BOOLEAN -> MType.LOGICAL;
                case INTEGER, LONG -> MType.facet("number", "Int64");
                case DOUBLE -> MType.NUMBER;
                case DECIMAL -> MType.facet("number", "Decimal");
                case DATE -> MType.primitive("date");
                case TIME -> MType.primitive("time");
                case TIMESTAMP -> MType.primitive("datetime");
                case TIMESTAMP_TZ -> MType.primitive("datetimezone");
                case BINARY -> MType.primitive("binary");
                default -> MType.TEXT;
            });
        }
        List<Object[]> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Object[] out = new Object[row.size()];
            for (int i = 0; i < out.length; i++) {
                Object v = row.get(i);
                out[i] = v instanceof Number n ? (Object) n.doubleValue() : v instanceof byte[] b ? new MBinary(b) : v;
            }
            rows.add(out);
        }
        return new MTable(names, types, rows);
    }

    /** Compression.Deflate is raw deflate (no zlib header), what Excel's "Enter Data" tables store. */
    static byte[] decompress(byte[] data, int kind) {
        try (InputStream in = kind == 0 ? new GZIPInputStream(new ByteArrayInputStream(data))
                : new InflaterInputStream(new ByteArrayInputStream(data), new Inflater(true))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw Errors.dataFormat("The data could not be decompressed: " + e.getMessage());
        }
    }

    /** Binary.Compress, the inverse of {@link #decompress}: GZip (0) or raw Deflate (1) at zlib's default level. */
    static byte[] compress(byte[] data, int kind) {
        if (kind != 0 && kind != 1) {
            throw Errors.expression("Binary.Compress supports Compression.GZip and Compression.Deflate.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (OutputStream zip = kind == 0 ? new GZIPOutputStream(out) : new DeflaterOutputStream(out, deflater)) {
            zip.write(data);
        } catch (IOException e) {
            throw Errors.expression("The data could not be compressed: " + e.getMessage());
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }
}
