package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Table keys and the table functions added with the type model: AggregateTableColumn, Join order, compression. */
public class TableKeysTest {

    private static final String FRUIT = "#table({\"sku\", \"name\", \"qty\"}, {{7, \"fig\", 3}, {9, \"kiwi\", 0}, {4, \"lime\", 5}})";
    private static final String KEYED = "Table.AddKey(" + FRUIT + ", {\"sku\"}, true)";

    @Test
    public void keysOfATable() {
        same("{[Columns = {\"sku\"}, Primary = true]}", "Table.Keys(" + KEYED + ")");
        same(FRUIT, KEYED);
        same("{[Columns = {\"name\", \"qty\"}, Primary = false]}",
                "Table.Keys(Table.ReplaceKeys(" + KEYED + ", {[Columns = {\"name\", \"qty\"}, Primary = false]}))");
        same("{[Columns = {\"sku\"}, Primary = true], [Columns = {\"name\"}, Primary = false]}",
                "Table.Keys(Table.AddKey(" + KEYED + ", {\"name\"}, false))");
        fails("Expression.Error", "Table.AddKey(" + FRUIT + ", {\"colour\"}, true)");
        fails("Expression.Error", "Table.AddKey(" + KEYED + ", {\"name\"}, true)");
        same("{}", "Table.Keys(" + FRUIT + ")");
        same("{[Columns = {\"sku\"}, Primary = true]}", "Type.TableKeys(Value.Type(" + KEYED + "))");
        same("{[Columns = {\"sku\"}, Primary = true]}",
                "Table.Keys(#table(Type.AddTableKey(type table [sku = number], {\"sku\"}, true), {{1}}))");
    }

    @Test
    public void keysTravelWithColumns() {
        same("{[Columns = {\"sku\"}, Primary = true]}", "Table.Keys(Table.SelectRows(" + KEYED + ", each [qty] > 0))");
        same("{[Columns = {\"sku\"}, Primary = true]}", "Table.Keys(Table.Sort(" + KEYED + ", \"name\"))");
        same("{[Columns = {\"sku\"}, Primary = true]}", "Table.Keys(Table.FirstN(" + KEYED + ", 2))");
        same("{[Columns = {\"sku\"}, Primary = true]}", "Table.Keys(Table.AddColumn(" + KEYED + ", \"twice\", each [qty] * 2))");
        same("{[Columns = {\"code\"}, Primary = true]}", "Table.Keys(Table.RenameColumns(" + KEYED + ", {\"sku\", \"code\"}))");
        same("{}", "Table.Keys(Table.RemoveColumns(" + KEYED + ", {\"sku\"}))");
        for (String keeping : new String[] {"Table.SelectColumns(%s, {\"qty\", \"sku\"})", "Table.Distinct(%s)",
                "Table.TransformColumns(%s, {\"qty\", each _ + 1})", "Table.AddIndexColumn(%s, \"i\")",
                "Table.ReverseRows(%s)", "Table.DuplicateColumn(%s, \"sku\", \"copy\")", "Table.Buffer(%s)",
                "Table.ReplaceValue(%s, 0, 1, Replacer.ReplaceValue, {\"qty\"})", "Table.RemoveLastN(%s, 1)"}) {
            same("{[Columns = {\"sku\"}, Primary = true]}", "Table.Keys(" + String.format(keeping, KEYED) + ")");
        }
        same("{[Columns = {\"F.sku\"}, Primary = true]}", "Table.Keys(Table.PrefixColumns(" + KEYED + ", \"F\"))");
        same("{[Columns = {\"SKU\"}, Primary = true]}", "Table.Keys(Table.TransformColumnNames(" + KEYED + ", Text.Upper))");
        // a new type brings its own keys, none here
        same("{}", "Table.Keys(Value.ReplaceType(" + KEYED + ", type table [id = number, n = text, q = number]))");
        same("{[Columns = {\"n\"}, Primary = false]}", "Table.Keys(Value.ReplaceType(" + KEYED
                + ", Type.AddTableKey(type table [id = number, n = text, q = number], {\"n\"}, false)))");
    }

    @Test
    public void aggregateTableColumn() {
        String nested = "#table({\"g\", \"rows\"}, {{\"x\", #table({\"v\", \"w\"}, {{1, 10}, {5, 20}})}, {\"y\", null}})";
        same("#table({\"g\", \"total v\", \"most w\"}, {{\"x\", 6, 20}, {\"y\", null, null}})",
                "Table.AggregateTableColumn(" + nested + ", \"rows\", {{\"v\", List.Sum, \"total v\"}, {\"w\", List.Max, \"most w\"}})");
        fails("Expression.Error", "Table.AggregateTableColumn(" + nested + ", \"nope\", {{\"v\", List.Sum, \"s\"}})");
    }

    @Test
    public void innerJoinFollowsTheRightTable() {
        same("#table({\"id\", \"who\", \"item\"}, {{2, \"ann\", \"pen\"}, {1, \"bo\", \"cup\"}, {2, \"ann\", \"ink\"}})",
                "Table.Join(#table({\"id\", \"who\"}, {{1, \"bo\"}, {2, \"ann\"}, {3, \"cy\"}}), \"id\","
                        + " #table({\"id\", \"item\"}, {{2, \"pen\"}, {1, \"cup\"}, {2, \"ink\"}, {4, \"mug\"}}), \"id\")");
    }

    @Test
    public void compression() {
        same("\"aaaaaaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbbbbb\"", "Text.FromBinary(Binary.Decompress(Binary.Compress("
                + "Text.ToBinary(Text.Repeat(\"a\", 20) & Text.Repeat(\"b\", 20)), Compression.Deflate), Compression.Deflate))");
        same("\"gzip me\"", "Text.FromBinary(Binary.Decompress(Binary.Compress(Text.ToBinary(\"gzip me\"),"
                + " Compression.GZip), Compression.GZip))");
        same("true", "Binary.Length(Binary.Compress(Binary.FromList(List.Repeat({0}, 500)), Compression.Deflate)) < 50");
        fails("Expression.Error", "Binary.Compress(Text.ToBinary(\"x\"), 42)");
    }

    @Test
    public void binaryGroup() {
        String group = "BinaryFormat.Group(BinaryFormat.Byte, {{7, BinaryFormat.Byte, BinaryOccurrence.Repeating},"
                + " {8, BinaryFormat.UnsignedInteger16, BinaryOccurrence.Required}, {9, BinaryFormat.Byte, BinaryOccurrence.Optional, -1}}";
        same("{{3, 4}, 258, -1}", group + ")(#binary({7, 3, 8, 1, 2, 7, 4}))");
        same("{{}, 1, 6}", group + ", (k) => BinaryFormat.Byte)(#binary({8, 0, 1, 9, 6, 42, 0}))");
        fails("DataFormat.Error", group + ")(#binary({7, 3}))");
        fails("DataFormat.Error", group + ")(#binary({8, 0, 1, 5, 5}))");
        same("{2}", "BinaryFormat.Group(BinaryFormat.Byte, {{1, BinaryFormat.Byte, BinaryOccurrence.Repeating, {}, List.Count}})"
                + "(#binary({1, 0, 1, 0}))");
        same("{{5}}", "BinaryFormat.Group(BinaryFormat.Byte, {{1, BinaryFormat.Byte, BinaryOccurrence.Repeating}}, null, 0)"
                + "(#binary({1, 5, 0, 1, 6}))");
    }

    @Test
    public void binaryView() {
        same("\"abc\"", "Text.FromBinary(Binary.View(null, [GetStream = () => Text.ToBinary(\"abc\")]))");
        same("\"xyz\"", "Text.FromBinary(Binary.View(Text.ToBinary(\"xyz\"), [GetLength = () => 3]))");
        fails("Expression.Error", "Binary.View(null, [GetLength = () => 3])");
    }

    @Test
    public void foldingHintsAndRecordColumns() {
        same("3", "Table.ApproximateRowCount(" + FRUIT + ")");
        same(FRUIT, "Table.StopFolding(" + FRUIT + ")");
        same("null", "Table.PartitionKey(" + FRUIT + ")");
        same("null", "Type.TablePartitionKey(type table [u = number])");
        same("#table({\"sku\", \"item\"}, {{7, [name = \"fig\", qty = 3]}, {9, [name = \"kiwi\", qty = 0]}, {4, [name = \"lime\", qty = 5]}})",
                "Table.CombineColumnsToRecord(" + FRUIT + ", \"item\", {\"name\", \"qty\"})");
        fails("Expression.Error", "Type.ReplaceTablePartitionKey(type table [u = number], {\"u\"}, null)");
        same("{\"sku\", \"name\", \"qty\"}", "Table.Profile(" + FRUIT + ")[Column]");
    }

    @Test
    public void aGlobalGroupIsKeyedByItsGroupColumns() {
        same("{[Columns = {\"name\"}, Primary = true]}", "Table.Keys(Table.Group(" + FRUIT
                + ", {\"name\"}, {{\"n\", each Table.RowCount(_)}}))");
        same("{[Columns = {\"name\"}, Primary = true]}", "Table.Keys(Table.Group(" + FRUIT
                + ", {\"name\"}, {{\"all\", each _}}))");
        same("{}", "Table.Keys(Table.Group(" + FRUIT + ", {\"name\"}, {{\"n\", each Table.RowCount(_)}}, GroupKind.Local))");
    }
}
