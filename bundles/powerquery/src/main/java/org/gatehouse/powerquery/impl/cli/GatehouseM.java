package org.gatehouse.powerquery.impl.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.DirectWebAccess;
import org.gatehouse.powerquery.LocalFileAccess;
import org.gatehouse.powerquery.MException;
import org.gatehouse.powerquery.PowerQuery;
import org.gatehouse.powerquery.QueryStream;
import org.gatehouse.powerquery.WorkbookMashup;
import org.gatehouse.powerquery.impl.eval.Engine;
import org.gatehouse.powerquery.impl.syntax.Expr;
import org.gatehouse.powerquery.impl.syntax.Parser;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * {@code gatehouse-m refresh WORKBOOK [--map FROM=TO]... [--offline]}: prints each loaded query as CSV. Queries read
 * local files (the author's folders remapped by --map) and, unless --offline, the web directly, as Excel would.
 * {@code gatehouse-m check WORKBOOK [--map FROM=TO]...}: refreshes each loaded query and compares it with the table
 * Excel loaded it into at its own last refresh; exit status 1 when one differs or fails.
 * {@code gatehouse-m eval}: JSON Lines {@code {"id","expr","expected"}} on stdin, one verdict line per input.
 */
public final class GatehouseM {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A held-out example takes well under a second; two minutes only ever stops a runaway one. */
    private static final long DEFAULT_CASE_SECONDS = 120;

    private GatehouseM() {
    }

    public static void main(String[] args) throws Exception {
        // POI logs through log4j-api; without a provider it prints a warning into the CSV on stderr
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) throws Exception {
        if (args.length >= 2 && args[0].equals("refresh")) {
            return refresh(args, out, err);
        }
        if (args.length >= 2 && args[0].equals("check")) {
            return check(args, out, err);
        }
        if (args.length >= 1 && args[0].equals("eval")) {
            long limitSeconds = evalTimeLimit(args);
            if (limitSeconds > 0) {
                eval(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out,
                        TimeUnit.SECONDS.toMillis(limitSeconds));
                return 0;
            }
        }
        err.println("usage: gatehouse-m refresh WORKBOOK [--map FROM=TO]... [--offline] | gatehouse-m check WORKBOOK "
                + "[--map FROM=TO]... [--offline] | gatehouse-m eval [--timeout SECONDS] < cases.jsonl");
        return 2;
    }

    /**
     * The data access the options after the workbook describe: local files with each --map FROM=TO prefix remapped,
     * and the web fetched directly unless --offline; null (said on err) when an option is malformed.
     */
    private static WorkbookAccess access(String[] args, PrintStream err) {
        LocalFileAccess files = new LocalFileAccess();
        boolean offline = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--offline")) {
                offline = true;
                continue;
            }
            if (!args[i].equals("--map") || i + 1 >= args.length || !args[i + 1].contains("=")) {
                err.println("expected --map FROM=TO or --offline, got " + args[i]);
                return null;
            }
            String m = args[++i];
            files.map(m.substring(0, m.indexOf('=')), m.substring(m.indexOf('=') + 1));
        }
        return new WorkbookAccess(files, offline);
    }

    /** Local files plus, unless offline, the web: what a workbook's queries read when refreshed from here. */
    private record WorkbookAccess(LocalFileAccess files, boolean offline) {

        DataAccess forWorkbook(byte[] workbook) {
            files.currentWorkbook(workbook);
            return offline ? files : new DirectWebAccess(files);
        }
    }

    /** The workbook's Power Query (empty without one); null, said on err, when it cannot be read. */
    private static java.util.Optional<WorkbookMashup> mashupOf(Path workbook, byte[] bytes, PrintStream err) {
        try {
            return PowerQuery.readMashup(bytes);
        } catch (MException e) {
            err.println(workbook + ": " + e.getMessage());
            return null;
        }
    }

    private static int check(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path workbook = Path.of(args[1]);
        WorkbookAccess access = access(args, err);
        if (access == null) {
            return 2;
        }
        byte[] bytes = Files.readAllBytes(workbook);
        java.util.Optional<WorkbookMashup> mashup = mashupOf(workbook, bytes, err);
        if (mashup == null) {
            return 1;
        }
        if (mashup.isEmpty()) {
            out.println(workbook.getFileName() + ": no Power Query queries");
            return 0;
        }
        int differing = 0;
        try (ExcelCache cache = ExcelCache.of(bytes)) {
            List<org.gatehouse.powerquery.QueryResult> results = PowerQuery.refresh(bytes, access.forWorkbook(bytes));
            if (results.isEmpty()) {
                // Excel keeps the DataMashup (an empty section) after the last query is deleted: say so rather than nothing
                out.println(workbook.getFileName() + ": no query to refresh (its DataMashup holds none that loads)");
                return 0;
            }
            for (org.gatehouse.powerquery.QueryResult result : results) {
                // a query loaded to the data model only, or never loaded to a sheet, has no FillTarget
                String target = mashup.get().queries().stream().filter(q -> q.name().equals(result.name()))
                        .findFirst().map(org.gatehouse.powerquery.MashupQuery::fillTarget).orElse(null);
                java.util.Optional<List<List<String>>> cached = target == null ? java.util.Optional.empty()
                        : cache.table(target);
                String verdict;
                if (result.failed()) {
                    verdict = "FAILED " + result.error().reason() + ": " + result.error().getMessage();
                } else if (cached.isEmpty()) {
                    verdict = "refreshed " + result.rows().size() + " rows; Excel cached no table for it";
                } else {
                    verdict = ExcelCache.firstDifference(result.columnNames(), result.rows(), cached.get())
                            .map(d -> "DIFFERS: " + d).orElse("same as Excel (" + result.rows().size() + " rows)");
                    verdict = inSavedOrder(verdict, cache.savedSort(target), result, cached.get());
                }
                for (String warning : result.warnings()) {
                    verdict += "; warning: " + warning;
                }
                if (verdict.startsWith("FAILED") || verdict.startsWith("DIFFERS")) {
                    differing++;
                }
                out.println(result.name() + ": " + verdict);
            }
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.UnsupportedFileFormatException e) {
            err.println(workbook + ": Excel's cached tables cannot be read (" + e.getMessage() + ")");
            return 1;
        }
        return differing == 0 ? 0 : 1;
    }

    private static int refresh(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path workbook = Path.of(args[1]);
        WorkbookAccess access = access(args, err);
        if (access == null) {
            return 2;
        }
        byte[] bytes = Files.readAllBytes(workbook);
        java.util.Optional<WorkbookMashup> mashup = mashupOf(workbook, bytes, err);
        if (mashup == null) {
            return 1;
        }
        if (mashup.isEmpty()) {
            out.println("# " + workbook.getFileName() + " has no Power Query queries");
            return 0;
        }
        int[] failures = {0};
        try {
            // rows are printed as the engine produces them: a refresh over a large file does not hold the file
            PowerQuery.refresh(bytes, access.forWorkbook(bytes), new PowerQuery.QueryConsumer() {
                @Override
                public void rows(QueryStream stream) {
                    out.println("# " + stream.name());
                    out.println(csvLine(stream.columns().stream().map(org.gatehouse.api.Column::name).toList()));
                    try {
                        for (List<Object> row = stream.next(); row != null; row = stream.next()) {
                            out.println(csvLine(row.stream().map(GatehouseM::cellText).toList()));
                        }
                        stream.warnings().forEach(w -> err.println(stream.name() + ": warning: " + w));
                    } catch (MException e) {
                        failures[0]++;
                        out.println("# error " + e.reason() + ": " + e.getMessage());
                    }
                }

                @Override
                public void failed(String name, MException e) {
                    failures[0]++;
                    out.println("# " + name);
                    out.println("# error " + e.reason() + ": " + e.getMessage());
                }
            });
        } catch (MException e) {
            err.println(workbook + ": " + e.getMessage());
            return 1;
        }
        return failures[0] == 0 ? 0 : 1;
    }

    /**
     * A time of day with its seconds always (Java's own text drops them when zero) and a fraction only when there is
     * one, to M's precision of 100 ns.
     */
    private static String timeText(java.time.LocalTime t) {
        String text = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int ticks = t.getNano() / 100;
        if (ticks == 0) {
            return text;
        }
        String fraction = String.format(java.util.Locale.ROOT, "%07d", ticks).replaceAll("0+$", "");
        return text + "." + fraction;
    }

    private static String cellText(Object v) {
        if (v instanceof byte[] b) {
            return java.util.Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof java.time.LocalDateTime t) {
            return t.toLocalDate() + "T" + timeText(t.toLocalTime());
        }
        if (v instanceof java.time.OffsetDateTime t) {
            return t.toLocalDate() + "T" + timeText(t.toLocalTime()) + t.getOffset();
        }
        if (v instanceof java.time.LocalTime t) {
            return timeText(t);
        }
        if (v instanceof java.time.temporal.Temporal) {
            return v.toString();
        }
        if (v instanceof Double || v instanceof Long) {
            return Values.formatNumber(((Number) v).doubleValue());
        }
        return v == null ? "" : v.toString();
    }

    static String csvLine(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Seconds one eval case may take: 120 unless {@code --timeout N}; -1 for malformed options. */
    private static long evalTimeLimit(String[] args) {
        if (args.length == 1) {
            return DEFAULT_CASE_SECONDS;
        }
        if (args.length == 3 && args[1].equals("--timeout") && args[2].matches("[1-9][0-9]{0,6}")) {
            return Long.parseLong(args[2]);
        }
        return -1;
    }

    static void eval(BufferedReader in, PrintStream out) throws Exception {
        eval(in, out, TimeUnit.SECONDS.toMillis(DEFAULT_CASE_SECONDS));
    }

    /**
     * One verdict line per case. A case past {@code limitMillis} is stopped and reported as an error, so a runaway
     * evaluation cannot hold up the cases after it.
     */
    static void eval(BufferedReader in, PrintStream out, long limitMillis) throws Exception {
        for (String line; (line = in.readLine()) != null;) {
            if (line.isBlank()) {
                continue;
            }
            String input = line;
            ObjectNode verdict;
            try {
                verdict = org.gatehouse.powerquery.impl.eval.DeepStack.call(() -> evalCase(input), limitMillis);
            } catch (MException e) {
                verdict = JSON.createObjectNode(); // stopped at the time limit
                verdict.set("id", idOf(input));
                verdict.put("ok", false);
                verdict.put("error", e.reason() + ": " + e.getMessage());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // One broken case must not end the run: report it and go on with the next line.
                verdict = JSON.createObjectNode();
                verdict.set("id", idOf(input));
                verdict.put("ok", false);
                verdict.put("error", "internal: " + e);
            }
            out.println(JSON.writeValueAsString(verdict));
            out.flush();
        }
    }

    private static JsonNode idOf(String line) {
        try {
            return JSON.readTree(line).get("id");
        } catch (Exception e) {
            return null;
        }
    }

    static ObjectNode evalCase(String line) {
        ObjectNode result = JSON.createObjectNode();
        JsonNode input;
        try {
            input = JSON.readTree(line);
        } catch (Exception e) {
            result.putNull("id");
            result.put("ok", false);
            result.put("error", "invalid JSON input: " + e.getMessage());
            return result;
        }
        result.set("id", input.get("id"));
        String expr = input.path("expr").asText();
        String expected = input.path("expected").asText();
        Engine engine = new Engine(new LocalFileAccess());
        try {
            Expr expectedTree = Parser.parseExpression(expected);
            if (expectedTree instanceof Expr.ErrorRaise) {
                String wantedReason = expectedReason(engine, expected);
                try {
                    String actual = MSource.of(engine.evaluate(expr));
                    result.put("ok", false);
                    result.put("actual", actual);
                } catch (MException e) {
                    result.put("ok", e.reason().equals(wantedReason));
                    result.put("error", e.reason() + ": " + e.getMessage());
                }
                return result;
            }
            Object wanted = engine.evaluate(expected);
            Object actual;
            try {
                actual = engine.evaluate(expr);
                String rendered = MSource.of(actual); // forces nested values so errors inside surface here
                result.put("ok", Values.equal(actual, wanted));
                result.put("actual", rendered);
            } catch (MException e) {
                result.put("ok", false);
                result.put("error", e.reason() + ": " + e.getMessage());
            }
        } catch (MException e) {
            result.put("ok", false);
            result.put("error", "expected: " + e.reason() + ": " + e.getMessage());
        }
        return result;
    }

    private static String expectedReason(Engine engine, String expected) {
        try {
            engine.evaluate(expected);
            throw new IllegalStateException("an error expression returned a value");
        } catch (MException e) {
            return e.reason();
        }
    }

    /**
     * A differing verdict compared again with the rows in the order the user saved on the table (Excel re-sorts a
     * query's table after each refresh), so a table sorted in Excel is judged on its values. Only tried when the
     * rows as refreshed differ, and only trusted when it makes them equal.
     */
    static String inSavedOrder(String verdict, List<SavedSort.Key> keys,
            org.gatehouse.powerquery.QueryResult result, List<List<String>> cached) {
        if (!verdict.startsWith("DIFFERS") || keys.isEmpty()) {
            return verdict;
        }
        // a key names a column of the sheet table, which may hold columns the user added beside the query's
        List<SavedSort.Key> byResultColumn = new java.util.ArrayList<>();
        for (SavedSort.Key key : keys) {
            int column = key.column() < cached.get(0).size()
                    ? result.columnNames().indexOf(cached.get(0).get(key.column())) : -1;
            byResultColumn.add(new SavedSort.Key(column, key.descending()));
        }
        List<List<Object>> sorted = SavedSort.apply(result.rows(), byResultColumn, result.columnNames().size());
        if (sorted == null || ExcelCache.firstDifference(result.columnNames(), sorted, cached).isPresent()) {
            return verdict;
        }
        return "same as Excel (" + sorted.size() + " rows, in the sort saved on its table)";
    }
}
