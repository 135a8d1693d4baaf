package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.fails;
import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/** Culture-aware parsing and formatting: round trips in every built-in culture and each culture's own details. */
public class CultureTest {

    private static final String[] BUILT_IN = {"en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR",
        "ja-JP", "zh-CN", "ru-RU", "sv-SE", "da-DK", "pl-PL", ""};

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    @Test
    public void numbersRoundTripInEveryBuiltInCulture() {
        for (String c : BUILT_IN) {
            for (String x : new String[] {"9876543.21", "-0.75", "0", "42"}) {
                for (String format : new String[] {"N2", "F2", "C2", "G", "P0"}) {
                    same(x, "Number.FromText(Number.ToText(" + x + ", " + q(format) + ", " + q(c) + "), " + q(c) + ")");
                }
                same(x, "Number.From(Text.From(" + x + ", " + q(c) + "), " + q(c) + ")");
            }
        }
    }

    @Test
    public void datesRoundTripInEveryBuiltInCulture() {
        for (String c : BUILT_IN) {
            for (String d : new String[] {"#date(2031, 9, 7)", "#date(1999, 12, 31)", "#date(2024, 2, 29)"}) {
                for (String format : new String[] {"d", "D", "M/d/yyyy", "dd MMM yyyy", "dddd d MMMM yyyy"}) {
                    same(d, "Date.FromText(Date.ToText(" + d + ", [Format = " + q(format) + ", Culture = " + q(c) + "]), "
                            + "[Format = " + q(format) + ", Culture = " + q(c) + "])");
                }
                // without a format the text of the short and long patterns reads back too
                same(d, "Date.FromText(Date.ToText(" + d + ", [Culture = " + q(c) + "]), [Culture = " + q(c) + "])");
                same(d, "Date.FromText(Date.ToText(" + d + ", [Format = \"D\", Culture = " + q(c) + "]), " + q(c) + ")");
            }
            String t = "#datetime(2030, 11, 3, 17, 45, 12)";
            same(t, "DateTime.FromText(DateTime.ToText(" + t + ", [Format = \"G\", Culture = " + q(c) + "]), " + q(c) + ")");
            same(t, "DateTime.From(Text.From(" + t + ", " + q(c) + "), " + q(c) + ")");
            same("#time(17, 45, 12)", "Time.FromText(Time.ToText(#time(17, 45, 12), [Format = \"T\", Culture = " + q(c)
                    + "]), [Culture = " + q(c) + "])");
        }
    }

    @Test
    public void numberSymbolsFollowDotNet() {
        same("\"7.654.321,09\"", "Number.ToText(7654321.09, \"N2\", \"de-DE\")");
        same("\"7\u202F654\u202F321,09\"", "Number.ToText(7654321.09, \"N2\", \"fr-FR\")");
        same("\"7\u00A0654\u00A0321,09\"", "Number.ToText(7654321.09, \"N2\", \"ru-RU\")");
        same("\"7,654,321.09\"", "Number.ToText(7654321.09, \"N2\")");
        same("\"-3,5\"", "Number.ToText(-3.5, null, \"it-IT\")");
        same("\"18,25 \u20AC\"", "Number.ToText(18.25, \"C\", \"es-ES\")");
        same("\"\u20AC -18,25\"", "Number.ToText(-18.25, \"C\", \"nl-NL\")");
        same("\"($18.25)\"", "Number.ToText(-18.25, \"C\")");
        same("\"\u00A318.25\"", "Number.ToText(18.25, \"C\", \"en-GB\")");
        same("\"\u00A519\"", "Number.ToText(18.5, \"C\", \"ja-JP\")");
        same("\"R$ 18,25\"", "Number.ToText(18.25, \"C\", \"pt-BR\")");
        same("\"18,25 kr.\"", "Number.ToText(18.25, \"C\", \"da-DK\")");
        same("\"41,7 %\"", "Number.ToText(0.417, \"P1\", \"de-DE\")");
        same("\"41.7%\"", "Number.ToText(0.417, \"P1\", \"en-GB\")");
        same("\"0,125\"", "Number.ToText(0.125, \"0.000\", \"sv-SE\")");
        same("\"2.5E+21\"", "Number.ToText(2.5e21, \"G\")");
        same("\"0.333333333333333\"", "Number.ToText(1/3, \"G\")");
    }

    @Test
    public void numbersReadTheCulturesWay() {
        same("4321.5", "Number.FromText(\"4.321,5\", \"de-DE\")");
        // fr-FR groups with a narrow no-break space; a no-break space or a plain space typed by hand read the same
        same("4321.5", "Number.FromText(\"4\u202F321,5\", \"fr-FR\")");
        same("4321.5", "Number.FromText(\"4\u00A0321,5\", \"fr-FR\")");
        same("4321.5", "Number.FromText(\"4 321,5\", \"fr-FR\")");
        same("-4321.5", "Number.FromText(\"-4 321,50 \u20AC\", \"fr-FR\")");
        same("-0.035", "Number.FromText(\"(3,5 %)\", \"it-IT\")");
        same("4321.5", "Number.FromText(\"4,321.5\", \"en-GB\")");
        same("2.75", "Currency.From(\"2,75 z\u0142\", \"pl-PL\")");
        same("3", "Int64.From(\"2,5\", \"de-DE\", RoundingMode.AwayFromZero)");
        same("12.5", "Number.From(\"12,5\", [Culture = \"da-DK\"])");
        fails("DataFormat.Error", "Number.FromText(\"4,321.5\", \"de-DE\")");
    }

    @Test
    public void groupSeparatorsMayStandAnywhereInTheDigits() {
        // .NET skips a group separator after any digit; a ru-RU workbook converts the text "73 13" to the Int64
        // 7313 (its next step replaces 7313 with 73, and Excel's cached table holds 73)
        same("7313", "Int64.From(\"73 13\", \"ru-RU\")");
        same("7313", "Number.FromText(\"7\u00A0313\", \"ru-RU\")");
        same("12345.5", "Number.FromText(\"1.23.45,5\", \"de-DE\")");
        fails("DataFormat.Error", "Number.FromText(\".5\", \"de-DE\")");
        // Value.FromText still reads only groups of three as a number, leaving a date to its date reading
        same("#date(2026, 8, 9)", "Value.FromText(\"09.08.2026\", \"de-DE\")");
    }

    @Test
    public void culturesFromJavasDataWriteWindowsShortDatesAndTheirOwnDateSeparator() {
        // Excel's Power Query reads Windows' culture data: en-AU's short date is d/MM/yyyy there (dotnet/runtime#65824,
        // .NET Framework 4.7.2 on Windows 10), en-IN writes '-' for '/' (dotnet/core#2452, .NET Framework)
        same("\"5/01/2020\"", "Text.From(#date(2020, 1, 5), \"en-AU\")");
        same("\"05-01-2020\"", "Text.From(#date(2020, 1, 5), \"en-IN\")");
        same("\"02-Jan-2019\"", "Date.ToText(#date(2019, 1, 2), \"dd/MMM/yyyy\", \"en-IN\")");
        same("#date(2020, 1, 5)", "Date.FromText(\"5/01/2020\", \"en-AU\")");
        // '/' in a format is the culture's date separator, the one its short date writes (tr-TR: dd.MM.yyyy)
        same("\"05.01.2020\"", "Date.ToText(#date(2020, 1, 5), \"dd/MM/yyyy\", \"tr-TR\")");
        same("\"5/1/2020\"", "Date.ToText(#date(2020, 1, 5), \"d/M/yyyy\", \"es-MX\")");
    }

    @Test
    public void datesReadTheCulturesWay() {
        same("#date(2026, 8, 9)", "Date.FromText(\"09/08/2026\", \"en-GB\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9.8.2026\", [Culture = \"de-DE\"])");
        same("#date(2026, 8, 9)", "Date.FromText(\"9 ao\u00FBt 2026\", \"fr-FR\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"dimanche 9 ao\u00FBt 2026\", \"fr-FR\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9 ago 2026\", \"it-IT\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9 ago. 2026\", \"it-IT\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9 de agosto de 2026\", \"pt-BR\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9 \u0430\u0432\u0433\u0443\u0441\u0442\u0430 2026 \u0433.\", \"ru-RU\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9 sierpnia 2026\", \"pl-PL\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"2026-08-09\", \"sv-SE\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9-8-2026\", \"nl-NL\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"2026\u5E748\u67089\u65E5\", \"ja-JP\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9 Aug 2026\", \"en-GB\")");
        same("#datetime(2026, 8, 9, 19, 5, 0)", "DateTime.FromText(\"09.08.2026 19:05\", \"de-DE\")");
        same("#datetime(2026, 8, 9, 19, 5, 0)", "DateTime.FromText(\"9/8/2026 7:05 p. m.\", \"es-ES\")");
        same("#datetimezone(2026, 8, 9, 19, 5, 0, -3, 0)", "DateTimeZone.From(\"9 de agosto de 2026 19:05:00 -03:00\", \"pt-BR\")");
        same("#time(19, 5, 0)", "Time.FromText(\"7:05 PM\", \"en-US\")");
        same("#time(19, 5, 0)", "Time.FromText(\"19h05\", [Format = \"HH'h'mm\", Culture = \"fr-FR\"])");
        // an abbreviation's period is read whether the name, the text or the format has it
        same("#date(2026, 1, 9)", "Date.FromText(\"09 janv. 2026\", [Format = \"dd MMM yyyy\", Culture = \"fr-FR\"])");
        same("#date(2026, 1, 9)", "Date.FromText(\"09 janv. 2026\", [Format = \"dd MMM. yyyy\", Culture = \"fr-FR\"])");
        same("#date(2026, 1, 9)", "Date.FromText(\"09 gen. 2026\", [Format = \"dd MMM yyyy\", Culture = \"it-IT\"])");
        same("#date(2026, 1, 9)", "Date.FromText(\"09 gen. 2026\", [Format = \"dd MMM. yyyy\", Culture = \"it-IT\"])");
        same("#date(2026, 1, 9)", "Date.FromText(\"09.Jan.2026\", [Format = \"dd.MMM.yyyy\", Culture = \"de-DE\"])");
        fails("DataFormat.Error", "Date.FromText(\"31/31/2026\", \"en-GB\")");
        fails("DataFormat.Error", "Date.FromText(\"9 Augustus 2026\", \"de-DE\")");
    }

    @Test
    public void datesWrittenTheCulturesWay() {
        same("\"09.08.2026\"", "Date.ToText(#date(2026, 8, 9), [Culture = \"de-DE\"])");
        same("\"Sonntag, 9. August 2026\"", "Date.ToText(#date(2026, 8, 9), [Format = \"D\", Culture = \"de-DE\"])");
        same("\"09 Mrz 2026\"", "Date.ToText(#date(2026, 3, 9), [Format = \"dd MMM yyyy\", Culture = \"de-DE\"])");
        same("\"domingo, 9 de agosto de 2026\"", "Date.ToText(#date(2026, 8, 9), [Format = \"D\", Culture = \"es-ES\"])");
        // genitive month names after a day number, nominative alone
        same("\"9 \u0430\u0432\u0433\u0443\u0441\u0442\u0430\"", "Date.ToText(#date(2026, 8, 9), [Format = \"d MMMM\", Culture = \"ru-RU\"])");
        same("\"\u0410\u0432\u0433\u0443\u0441\u0442 2026\"", "Date.ToText(#date(2026, 8, 9), [Format = \"MMMM yyyy\", Culture = \"ru-RU\"])");
        same("\"9 sierpnia 2026\"", "Date.ToText(#date(2026, 8, 9), [Format = \"D\", Culture = \"pl-PL\"])");
        same("\"2026/08/09\"", "Date.ToText(#date(2026, 8, 9), [Culture = \"ja-JP\"])");
        same("\"2026/8/9\"", "Date.ToText(#date(2026, 8, 9), [Culture = \"zh-CN\"])");
        same("\"08/09/2026\"", "Date.ToText(#date(2026, 8, 9), [Culture = \"\"])");
        same("\"9/8/2026 7:05 p. m.\"", "DateTime.ToText(#datetime(2026, 8, 9, 19, 5, 0), [Format = \"d/M/yyyy h:mm tt\", Culture = \"es-ES\"])");
        same("\"7:05 \u5348\u5F8C\"", "Time.ToText(#time(19, 5, 0), [Format = \"h:mm tt\", Culture = \"ja-JP\"])");
        same("\"09-08-2026 19:05:00\"", "Text.From(#datetime(2026, 8, 9, 19, 5, 0), \"da-DK\")");
        same("\"ao\u00FBt\"", "Date.MonthName(#date(2026, 8, 9), \"fr-FR\")");
        same("\"domenica\"", "Date.DayOfWeekName(#date(2026, 8, 9), \"it-IT\")");
        // the Umm al-Qura calendar of ar-SA, both ways
        same("\"1448\"", "Date.ToText(#date(2026, 8, 9), [Format = \"yyyy\", Culture = \"ar-SA\"])");
        same("#date(2026, 8, 9)", "Date.FromText(Date.ToText(#date(2026, 8, 9), [Format = \"D\", Culture = \"ar-SA\"]), \"ar-SA\")");
        same("#date(2026, 8, 9)", "Date.FromText(Date.ToText(#date(2026, 8, 9), \"d\", \"ar-SA\"), [Format = \"d\", Culture = \"ar-SA\"])");
        same("-18.25", "Number.FromText(Number.ToText(-18.25, \"C\", \"ar-SA\"), \"ar-SA\")");
    }

    @Test
    public void transformColumnTypesWithFrenchAndGermanCultures() {
        String french = "#table({\"Amount\", \"Day\", \"Label\"}, {{\"1\u202F250,75\", \"03/04/2025\", \"a\"}, "
                + "{\"-12,5\", \"28/02/2024\", \"b\"}, {\"7 000\", \"1 mars 2023\", \"c\"}})";
        same("#table({\"Amount\", \"Day\", \"Label\"}, {{1250.75, #date(2025, 4, 3), \"a\"}, {-12.5, #date(2024, 2, 28), \"b\"}, "
                + "{7000, #date(2023, 3, 1), \"c\"}})",
                "Table.TransformColumnTypes(" + french + ", {{\"Amount\", type number}, {\"Day\", type date}}, \"fr-FR\")");
        String german = "#table({\"Amount\", \"Day\"}, {{\"1.250,75\", \"03.04.2025\"}, {\"0,5\", \"28.02.2024\"}})";
        same("#table({\"Amount\", \"Day\"}, {{1250.75, #date(2025, 4, 3)}, {0.5, #date(2024, 2, 28)}})",
                "Table.TransformColumnTypes(" + german + ", {{\"Amount\", Currency.Type}, {\"Day\", type date}}, [Culture = \"de-DE\"])");
        // and back to text the culture's way
        same("#table({\"Amount\", \"Day\"}, {{\"1250,75\", \"03.04.2025\"}})",
                "Table.TransformColumnTypes(#table({\"Amount\", \"Day\"}, {{1250.75, #date(2025, 4, 3)}}), "
                        + "{{\"Amount\", type text}, {\"Day\", type text}}, \"de-DE\")");
        // a cell that doesn't read is an error in that cell only
        fails("DataFormat.Error", "Table.TransformColumnTypes(" + french + ", {\"Day\", type date}, \"en-US\"){1}[Day]");
        same("\"c\"", "Table.TransformColumnTypes(" + french + ", {\"Day\", type date}, \"en-US\"){2}[Label]");
    }

    @Test
    public void transformColumnTypesOptions() {
        String t = "#table({\"A\"}, {{\"1,5\"}})";
        same("#table({\"A\", \"B\"}, {{1.5, null}})",
                "Table.TransformColumnTypes(" + t + ", {{\"A\", type number}, {\"B\", type date}}, [Culture = \"it-IT\", MissingField = MissingField.UseNull])");
        same("#table({\"A\"}, {{1.5}})",
                "Table.TransformColumnTypes(" + t + ", {{\"A\", type number}, {\"B\", type date}}, [Culture = \"it-IT\", MissingField = MissingField.Ignore])");
        fails("Expression.Error", "Table.TransformColumnTypes(" + t + ", {{\"B\", type date}}, [Culture = \"it-IT\"])");
        same("#table({\"A\"}, {{15}})", "Table.TransformColumnTypes(" + t + ", {\"A\", type number})");
    }

    @Test
    public void valueFromTextWithACulture() {
        same("2.5", "Value.FromText(\"2,5\", \"de-DE\")");
        same("#date(2026, 8, 9)", "Value.FromText(\"09.08.2026\", \"de-DE\")");
        same("#datetime(2026, 8, 9, 7, 30, 0)", "Value.FromText(\"9 Aug 2026 07:30:00\", \"de-DE\")");
        same("\"nothing\"", "Value.FromText(\"nothing\", \"de-DE\")");
    }

    @Test
    public void textCaseFollowsTheCulture() {
        same("\"\u0130ZM\u0130R\"", "Text.Upper(\"izmir\", \"tr-TR\")");
        same("\"IZMIR\"", "Text.Upper(\"izmir\")");
        same("\"\u0131s\u0131k\"", "Text.Lower(\"ISIK\", \"tr-TR\")");
        same("\"\u0130zmir Ankara\"", "Text.Proper(\"izmir ankara\", \"tr-TR\")");
    }

    @Test
    public void otherCulturesComeFromJavaAndUnknownOnesFail() {
        same("\"1\u00A0234,50\"", "Number.ToText(1234.5, \"N2\", \"fi-FI\")");
        same("1234.5", "Number.FromText(\"1 234,5\", \"fi-FI\")");
        same("#date(2026, 8, 9)", "Date.FromText(\"9.8.2026\", \"fi-FI\")");
        same("\"2.5\"", "Text.From(2.5, \"en\")");
        same("\"2,5\"", "Text.From(2.5, \"fr\")");
        fails("Expression.Error", "Number.FromText(\"1\", \"qq-ZZ\")");
        fails("Expression.Error", "Date.ToText(#date(2026, 8, 9), [Culture = \"not a culture\"])");
    }

    @Test
    public void defaultCultureReadsMoreLayouts() {
        same("-1.5", "Number.FromText(\"($1.50)\")");
        same("-1.5", "Number.FromText(\"-$1.50\")");
        same("#datetimezone(2026, 8, 9, 19, 5, 0, -3, 0)", "DateTimeZone.FromText(\"2026-08-09 19:05:00 -03:00\")");
        same("#datetimezone(2026, 8, 9, 19, 5, 0, 2, 0)", "DateTimeZone.From(\"8/9/2026 7:05 PM +02:00\")");
        same("\"en-US\"", "Culture.Current");
    }

    @Test
    public void decimalPrecisionModulo() {
        same("0.1", "Number.Mod(10.5, 0.2, Precision.Decimal)");
        same("\"0.0999999999999994\"", "Number.ToText(Number.Mod(10.5, 0.2), \"G\")");
    }

    /**
     * One number beside a month name is a day or a year as .NET decides it, from the culture's month-day and year-month
     * patterns: "Apr-18" is April 2018 where days come first (en-GB, en-IN), the 18th where months
     * come first (en-US).
     */
    @Test
    public void aNumberBesideAMonthNameIsADayOrAYearByTheCulture() {
        same("#date(2018, 4, 1)", "Date.FromText(\"Apr-18\", [Culture = \"en-GB\"])");
        same("#date(2019, 5, 1)", "Date.FromText(\"May 19\", [Culture = \"en-IN\"])");
        same("#date(Date.Year(DateTime.LocalNow()), 4, 18)", "Date.FromText(\"Apr-18\", [Culture = \"en-US\"])");
        // the number first: a day in both
        same("#date(Date.Year(DateTime.LocalNow()), 4, 18)", "Date.FromText(\"18-Apr\", [Culture = \"en-GB\"])");
        same("#date(Date.Year(DateTime.LocalNow()), 4, 18)", "Date.FromText(\"18-Apr\", [Culture = \"en-US\"])");
        // a four-digit number is a year everywhere
        same("#date(2018, 4, 1)", "Date.FromText(\"Apr 2018\", [Culture = \"en-US\"])");
    }

    @Test
    public void aYearLastDateInAYearFirstCultureKeepsMonthBeforeDay() {
        // an en-CA workbook's CSV of m/d/yyyy order dates parsed by "Changed Type" (as .NET's DateTime.Parse does)
        same("#date(2019, 9, 5)", "Date.FromText(\"9/5/2019\", [Culture = \"en-CA\"])");
        same("#date(2019, 9, 5)", "Date.FromText(\"2019-09-05\", [Culture = \"en-CA\"])");
        same("#date(2019, 5, 9)", "Date.FromText(\"9/5/2019\", [Culture = \"en-GB\"])");
        same("#date(2019, 9, 5)", "Date.FromText(\"9/5/2019\", [Culture = \"en-US\"])");
    }
}
