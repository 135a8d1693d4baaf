package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Library functions added for conformance with the M reference; expressions and values are our own. */
public class ConformanceAdditionsTest {

    @Test
    public void lists() {
        same("{20, 40}", "List.Alternate({10, 20, 30, 40}, 1, 1)");
        same("{30, 40}", "List.Alternate({10, 20, 30, 40}, 2)");
        same("2", "List.PositionOfAny({\"x\", \"y\", \"z\"}, {\"z\", \"q\"})");
        same("{0, 2}", "List.PositionOfAny({7, 8, 7}, {7}, Occurrence.All)");
        same("{9, 6}", "List.MaxN({1, 9, 6, 3}, 2)");
        same("{1, 3, 6}", "List.MinN({1, 9, 6, 3}, each _ < 7)");
        same("\"d\"", "List.SingleOrDefault({}, \"d\")");
        fails("Expression.Error", "List.SingleOrDefault({1, 2})");
        same("{\"b\", \"c\"}", "List.Modes({\"b\", \"a\", \"c\", \"b\", \"c\"})");
        same("{0, 1, 2}", "List.Positions({\"p\", null, \"q\"})");
        same("false", "List.IsDistinct({\"A\", \"a\"}, Comparer.OrdinalIgnoreCase)");
        same("{5, 9}", "List.RemoveItems({5, 6, 9, 6}, {6})");
        same("{0, 9, 9}", "List.ReplaceRange({0, 1, 2, 3}, 1, 3, {9, 9})");
        same("{0, 3}", "List.RemoveRange({0, 1, 2, 3}, 1, 2)");
        same("{\"xa\", \"ay\"}", "List.FindText({\"xa\", \"b\", \"ay\"}, \"a\")");
        same("{\"1a\", \"1b\", \"2a\"}",
                "List.TransformMany({1, 2}, each if _ = 1 then {\"a\", \"b\"} else {\"a\"}, (x, y) => Text.From(x) & y)");
        same("1.25", "List.Covariance({1, 2, 3, 4}, {1, 2, 3, 4})");
        same("{#duration(0, 1, 0, 0), #duration(0, 3, 0, 0)}", "List.Durations(#duration(0, 1, 0, 0), 2, #duration(0, 2, 0, 0))");
    }

    @Test
    public void texts() {
        same("\"l\"", "Text.At(\"plum\", 1)");
        same("\"pm\"", "Text.RemoveRange(\"plum\", 1, 2)");
        same("\"pXXm\"", "Text.ReplaceRange(\"plum\", 1, 2, \"XX\")");
        same("{1, 3}", "Text.PositionOfAny(\"abcb\", {\"b\"}, Occurrence.All)");
        same("{\"a\", \"b\", \"c\"}", "Text.SplitAny(\"a;b,c\", \",;\")");
        same("\"x-y/z\"", "Combiner.CombineTextByEachDelimiter({\"-\", \"/\"})({\"x\", \"y\", \"z\"})");
        same("\"xyy\"", "Combiner.CombineTextByLengths({1, 2})({\"xx\", \"yyy\"})");
        same("\"ab   cd\"", "Combiner.CombineTextByPositions({0, 5})({\"ab\", \"cd\"})");
        same("true", "Comparer.Equals(Comparer.OrdinalIgnoreCase, \"Q\", \"q\")");
        same("0", "Comparer.FromCulture(\"en-US\", true)(\"Z\", \"z\")");
        same("42.5", "Value.FromText(\"42.5\")");
        same("true", "Value.FromText(\"TRUE\")");
        same("\"plain\"", "Value.FromText(\"plain\")");
    }

    @Test
    public void numbersAndRecords() {
        same("0.5", "Number.From(\"50%\")");
        same("0.071", "Number.From(\"7.1%\")");
        same("3", "Number.RoundAwayFromZero(2.1)");
        same("-2.6", "Number.RoundAwayFromZero(-2.51, 1)");
        same("2", "Number.Log(100, 10)");
        same("0", "Number.Sin(0)");
        same("24", "Number.Permutations(4, 4)");
        same("6", "Number.Combinations(4, 2)");
        same("[b = 2, a = 1, c = 3]", "Record.ReorderFields([a = 1, b = 2, c = 3], {\"b\", \"a\"})");
        same("[x = 1, z = 2]", "Record.RenameFields([x = 1, y = 2], {\"y\", \"z\"})");
        same("[k = 7]", "Record.FromTable(#table({\"Name\", \"Value\"}, {{\"k\", 7}}))");
    }

    @Test
    public void datesAndTimes() {
        same("#datetime(2020, 2, 29, 23, 59, 59.9999999)", "Date.EndOfMonth(#datetime(2020, 2, 3, 4, 5, 6))");
        same("#datetimezone(2021, 4, 1, 0, 0, 0, 2, 0)", "Date.StartOfQuarter(#datetimezone(2021, 5, 9, 1, 0, 0, 2, 0))");
        same("#date(2021, 6, 30)", "Date.EndOfQuarter(#date(2021, 5, 9))");
        same("#date(2024, 1, 8)", "Date.StartOfWeek(#date(2024, 1, 10), Day.Monday)");
        same("#date(2024, 1, 13)", "Date.EndOfWeek(#date(2024, 1, 10))");
        same("#date(2022, 2, 28)", "Date.AddQuarters(#date(2021, 11, 28), 1)");
        same("1", "Date.WeekOfYear(#date(2023, 1, 7))");
        same("2", "Date.WeekOfYear(#date(2023, 1, 7), Day.Monday)");
        same("2", "Date.WeekOfMonth(#date(2023, 7, 2))");
        same("[Year = 1999, Month = 3, Day = 4]", "Date.ToRecord(#date(1999, 3, 4))");
        same("#time(7, 59, 59.9999999)", "Time.EndOfHour(#time(7, 20, 0))");
        same("#datetimezone(2020, 1, 1, 10, 0, 0, 3, 30)", "DateTime.AddZone(#datetime(2020, 1, 1, 10, 0, 0), 3, 30)");
        same("#datetimezone(2020, 1, 1, 6, 30, 0, 0, 0)", "DateTimeZone.ToUtc(#datetimezone(2020, 1, 1, 10, 0, 0, 3, 30))");
        same("-5", "DateTimeZone.ZoneHours(#datetimezone(2020, 1, 1, 10, 0, 0, -5, 0))");
        same("\"1.02:03:04\"", "Duration.ToText(#duration(1, 2, 3, 4))");
    }

    @Test
    public void dotNetDateFormats() {
        same("\"07-03-2005 14:05\"", "DateTime.ToText(#datetime(2005, 3, 7, 14, 5, 0), \"dd-MM-yyyy HH:mm\")");
        same("\"Mon, Mar 7 05\"", "Date.ToText(#date(2005, 3, 7), \"ddd, MMM d yy\")");
        same("\"Montag, 07. März 2005\"", "Date.ToText(#date(2005, 3, 7), [Format = \"dddd, dd. MMMM yyyy\", Culture = \"de-DE\"])");
        same("\"07.03.2005\"", "Date.ToText(#date(2005, 3, 7), [Culture = \"de-DE\"])");
        same("\"2:05:09.250 PM\"", "Time.ToText(#time(14, 5, 9.25), \"h:mm:ss.fff tt\")");
        same("\"3/7/2005\"", "Date.ToText(#date(2005, 3, 7), \"d\")");
        same("\"07.03.2005 14:05:00\"", "Text.From(#datetime(2005, 3, 7, 14, 5, 0), \"de-DE\")");
        same("\"+01:00\"", "DateTimeZone.ToText(#datetimezone(2005, 3, 7, 14, 5, 0, 1, 0), \"zzz\")");
    }

    @Test
    public void listCriteriaAndConditions() {
        same("{3, 1}", "List.Skip({9, 8, 3, 1}, each _ > 5)");
        same("{9}", "List.RemoveLastN({9, 8, 3, 1}, each _ < 9)");
        same("{3, 1}", "List.LastN({9, 8, 3, 1}, each _ < 5)");
        same("true", "List.Contains({\"Ab\"}, \"aB\", Comparer.OrdinalIgnoreCase)");
        same("true", "List.ContainsAll({\"x\", \"Y\"}, {\"X\", \"y\"}, Comparer.OrdinalIgnoreCase)");
        same("{\"aa\", \"b\"}", "List.Distinct({\"aa\", \"b\", \"cc\"}, each Text.Length(_))");
        same("{0, 2}", "List.PositionOf({\"q\", \"r\", \"Q\"}, \"q\", Occurrence.All, Comparer.OrdinalIgnoreCase)");
        same("2", "List.Mode({1, 1, 2, 2})");
    }

    @Test
    public void splittersLinesGuidsBinaries() {
        same("{\"xy\", \"z12\"}", "Splitter.SplitTextByLengths({2, 3})(\"xyz12\")");
        same("{\"yz\", \"123\"}", "Splitter.SplitTextByLengths({3, 2}, true)(\"xyz123\")");
        same("{\"ab\", \"cd\", \"e\"}", "Splitter.SplitTextByRepeatedLengths(2)(\"abcde\")");
        same("{\"abc\", \"cde\"}", "Splitter.SplitTextByRanges({{0, 3}, {2, null}})(\"abcde\")");
        same("{\"Qty\", \"42kg\"}", "Splitter.SplitTextByCharacterTransition((c) => not List.Contains({\"0\"..\"9\"}, c), {\"0\"..\"9\"})(\"Qty42kg\")");
        same("{\"p\", \"q\"}", "Splitter.SplitTextByWhitespace()(\" p \t q \")");
        same("\"a|b|\"", "Lines.ToText({\"a\", \"b\"}, \"|\")");
        same("{\"a\", \"b\"}", "Lines.FromText(\"a#(lf)b#(lf)\")");
        same("\"0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9\"", "Guid.From(\"{0A1B2C3D4E5F60718293A4B5C6D7E8F9}\")");
        same("#binary({3, 4})", "Binary.Range(Binary.FromList({1, 2, 3, 4, 5}), 2, 2)");
        same("{255, 0}", "Binary.ToList(#binary({255, 0}))");
        same("\"#date(2001, 2, 3)\"", "Expression.Constant(#date(2001, 2, 3))");
        same("\"\"\"q\"\"\"", "Expression.Constant(\"q\")");
        same("\"#\"\"two words\"\"\"", "Expression.Identifier(\"two words\")");
        same("\"plain\"", "Expression.Identifier(\"plain\")");
    }

    @Test
    public void conversions() {
        same("3", "Int64.From(\"2.5\", null, RoundingMode.Up)");
        same("2", "Int32.From(\"2.5\")");
        same("1.0001", "Currency.From(\"1.00015\", \"en-US\", RoundingMode.Down)");
        fails("Expression.Error", "Logical.FromText(\"maybe\")");
        same("#time(21, 5, 0)", "Time.FromText(\"9:05pm\")");
        same("#time(7, 30, 0)", "Time.FromText(\"0730\")");
        same("\"9:05 PM\"", "Time.ToText(#time(21, 5, 40))");
    }

    @Test
    public void parsingWithFormatsAndCultures() {
        same("#date(2019, 10, 5)", "Date.FromText(\"05 Okt 2019\", [Format = \"dd MMM yyyy\", Culture = \"de-DE\"])");
        same("#datetime(2019, 10, 5, 8, 9, 10.5)", "DateTime.FromText(\"20191005 080910.50\", [Format = \"yyyyMMdd HHmmss.ff\"])");
        same("#datetimezone(2019, 10, 5, 8, 9, 0, -3, 0)", "DateTimeZone.FromText(\"2019-10-05 08:09 -03:00\", [Format = \"yyyy-MM-dd HH:mm zzz\"])");
        same("#date(2019, 10, 5)", "Date.FromText(\"05.10.2019\", [Culture = \"de-DE\"])");
        same("#datetimezone(2019, 10, 5, 8, 9, 0, 2, 0)", "DateTimeZone.FromText(\"2019-10-05T08:09:00+02:00\")");
        fails("DataFormat.Error", "Date.FromText(\"5/10\", [Format = \"yyyy\"])");
        same("{\"b\", \"c\", \"d\"}", "{\"b\"..\"d\"}");
    }

    @Test
    public void occurrencesAndPercentiles() {
        same("\"c\"", "Text.BetweenDelimiters(\"[a] [b] [c]\", \"[\", \"]\", 2)");
        same("\"b] [c\"", "Text.BetweenDelimiters(\"[a] [b] [c]\", \"[\", \"]\", {1, RelativePosition.FromEnd}, {1, RelativePosition.FromStart})");
        same("\"x.y\"", "Text.BeforeDelimiter(\"x.y.z\", \".\", {0, RelativePosition.FromEnd})");
        same("3", "Text.PositionOf(\"ab ab\", \"ab\", Occurrence.Last)");
        same("{0, 3}", "Text.PositionOf(\"ab ab\", \"ab\", Occurrence.All)");
        same("3", "List.Percentile({4, 1, 3, 2, 5}, 0.5)");
        same("{1.5, 4.5}", "List.Percentile({4, 1, 3, 2, 5}, {0.25, 0.75}, [PercentileMode = PercentileMode.ExcelExc])");
        same("#datetimezone(2020, 1, 1, 9, 0, 0, 1, 0)", "Time.StartOfHour(#datetimezone(2020, 1, 1, 9, 45, 0, 1, 0))");
    }

    @Test
    public void valuesUrisBitsAndTypes() {
        same("\"01:02:03\"", "Text.From(#duration(0, 1, 2, 3))");
        same("\"2.00:00:00.5000000\"", "Text.From(#duration(2, 0, 0, 0.5))");
        same("[k = 2]", "Value.Metadata(Value.RemoveMetadata(1 meta [j = 1, k = 2], {\"j\"}))");
        same("[p = 1, q = 2]", "Record.FromList({1, 2}, type [p = number, q = number])");
        same("6", "Number.BitwiseAnd(14, 7)");
        same("12", "Number.BitwiseShiftLeft(3, 2)");
        same("2", "List.NonNullCount({null, 1, 2})");
        same("{{1, 2}, {3}}", "List.Split({1, 2, 3}, 2)");
        same("\"a%20b%26c\"", "Uri.EscapeDataString(\"a b&c\")");
        same("\"x=1&y=a%2Fb\"", "Uri.BuildQueryString([x = \"1\", y = \"a/b\"])");
        same("type text", "Type.NonNullable(type nullable text)");
        same("type date", "Type.ListItem(type {date})");
        same("true", "Date.IsInCurrentDay(DateTime.LocalNow())");
        same("false", "Date.IsInNextNYears(Date.AddYears(DateTime.LocalNow(), -1), 3)");
        same("\"1.5e+003\"", "Number.ToText(1500, \"e1\")");
        same("\"FF\"", "Number.ToText(255, \"X\")");
        same("36", "Duration.TotalHours(#duration(1, 12, 0, 0))");
    }

    @Test
    public void errorsTablesAndFromEndSplitters() {
        same("#table({\"Column1\", \"Column2\"}, {{1, 2}})", "#table(null, {{1, 2}})");
        same("\"E7\"", "(try error Error.Record(\"R\", \"m\", null, {1}, \"E7\"))[Error][ErrorCode]");
        same("{1}", "(try error Error.Record(\"R\", \"m\", null, {1}))[Error][Message.Parameters]");
        same("\"bbb\"", "List.Max({\"a\", \"bbb\", \"cc\"}, null, each Text.Length(_))");
        same("[c = 3, b = 2, z = null, a = 1]", "Record.ReorderFields([a = 1, b = 2, c = 3], {\"c\", \"z\", \"a\"}, MissingField.UseNull)");
        same("[c = 3, b = 2, a = 1]", "Record.ReorderFields([a = 1, b = 2, c = 3], {\"c\", \"z\", \"a\"}, MissingField.Ignore)");
        same("{\"abc\", \"de\"}", "Splitter.SplitTextByPositions({0, 2}, true)(\"abcde\")");
        same("{\"b\", \"de\"}", "Splitter.SplitTextByRanges({{0, 2}, {3, 1}}, true)(\"abcde\")");
    }

    @Test
    public void averagesQuotesAndCulturalDates() {
        same("#date(2020, 1, 3)", "List.Average({#date(2020, 1, 1), null, #date(2020, 1, 5)})");
        same("#duration(0, 2, 0, 0)", "List.Average({#duration(0, 1, 0, 0), #duration(0, 3, 0, 0)})");
        same("{\"p\", \"q;r\", \"s\"}", "Splitter.SplitTextByAnyDelimiter({\";\", \"|\"}, QuoteStyle.Csv)(\"p;\"\"q;r\"\"|s\")");
        same("#date(2021, 3, 9)", "Date.From(\"9 März 2021\", \"de-DE\")");
        same("#date(2021, 3, 9)", "Date.From(\"09.03.2021\", \"de-DE\")");
    }

    @Test
    public void binaryFormats() {
        same("[n = 258, m = 4]", "BinaryFormat.Record([n = BinaryFormat.UnsignedInteger16, m = BinaryFormat.Byte])(#binary({1, 2, 4, 9}))");
        same("{7, 8, 9}", "BinaryFormat.Choice(BinaryFormat.Byte, (n) => BinaryFormat.List(BinaryFormat.Byte, n))(#binary({3, 7, 8, 9, 10}))");
        same("{5, 6}", "BinaryFormat.List(BinaryFormat.Byte, (x) => x < 6)(#binary({5, 6, 7}))");
        same("{1}", "BinaryFormat.Length(BinaryFormat.List(BinaryFormat.Byte), BinaryFormat.Byte)(#binary({1, 1, 2}))");
        same("\"hi\"", "BinaryFormat.Text(BinaryFormat.Byte, TextEncoding.Ascii)(#binary({2, 104, 105, 33}))");
        same("513", "BinaryFormat.ByteOrder(BinaryFormat.UnsignedInteger16, ByteOrder.LittleEndian)(#binary({1, 2}))");
        same("-1", "BinaryFormat.SignedInteger16(#binary({255, 255}))");
        same("10", "BinaryFormat.Transform(BinaryFormat.Byte, each _ * 2)(#binary({5}))");
    }

    @Test
    public void tableDefaults() {
        same("#table({\"K\", \"V\"}, {{\"x\", \"1\"}, {\"y\", \"2\"}})", "Table.FromList({\"x,1\", \"y,2\"}, null, {\"K\", \"V\"})");
        same("#table({\"Id\", \"Column2\"}, {{7, 8}})", "Table.PromoteHeaders(#table({\"Column1\", \"Column2\"}, {{\"Id\", #date(2020, 1, 1)}, {7, 8}}))");
        same("#table({\"5\", \"n\"}, {{1, 2}})", "Table.PromoteHeaders(#table(2, {{5, \"n\"}, {1, 2}}))");
    }

    @Test
    public void selfReferencesFormatsAndMarks() {
        same("\"AB\"", "let r = [Text.Upper = Text.Upper] in r[Text.Upper](\"ab\")");
        same("5", "let x = 5, f = (x) => [x = x] in f(x)[x]");
        same("120", "let fact = (n) => if n = 0 then 1 else n * @fact(n - 1) in fact(5)");
        same("120", "let fact = (n) => if n = 0 then 1 else n * fact(n - 1) in fact(5)");
        fails("Expression.Error", "let a = a + 1 in a");
        same("[n = 2, items = {7, 8}]", "BinaryFormat.Choice(BinaryFormat.Byte, (n) => BinaryFormat.Record([n = n, items = BinaryFormat.List(BinaryFormat.Byte, n)]))(#binary({2, 7, 8}))");
        same("\"p=1 q=x\"", "Text.Format(\"p=#[p] q=#[q]\", [p = 1, q = \"x\"])");
        same("\"fffe4100\"", "Binary.ToText(Text.ToBinary(\"A\", TextEncoding.Utf16, true), BinaryEncoding.Hex)");
        same("#date(2022, 4, 8)", "Date.From(\"Apr 8, 2022\")");
    }

    @Test
    public void urisAndTimesOfDay() {
        same("#datetime(1899, 12, 30, 8, 15, 0)", "DateTime.From(#time(8, 15, 0))");
        same("[Scheme = \"https\", Host = \"h.example\", Port = 443, Path = \"/a/b\", Query = [k = \"v w\", m = {\"1\", \"2\"}], Fragment = \"top\", UserName = \"\", Password = \"\"]",
                "Uri.Parts(\"https://h.example/a/b?k=v%20w&m=1&m=2#top\")");
    }

    @Test
    public void splitColumnDefault() {
        same("#table({\"A.1\", \"A.2\"}, {{\"x\", \"y\"}, {\"z\", \"-\"}})",
                "Table.SplitColumn(#table({\"A\"}, {{\"x y\"}, {\"z\"}}), \"A\", Splitter.SplitTextByDelimiter(\" \"), 2, \"-\")");
    }
}
