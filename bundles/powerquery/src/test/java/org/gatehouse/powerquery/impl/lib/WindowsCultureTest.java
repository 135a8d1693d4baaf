package org.gatehouse.powerquery.impl.lib;

import static org.gatehouse.powerquery.impl.eval.M.same;

import org.junit.Test;

/**
 * Cultures whose Windows (NLS) data the engine carries beyond the first sixteen: what .NET Framework on Windows 10
 * writes (Kendo UI's culture scripts, generated from Windows 10 / .NET 4.7; dotnet/runtime's NLS test values where
 * they exist), where Java's CLDR fallback wrote something else.
 */
public class WindowsCultureTest {

    private static final String[] ADDED = {"en-IN", "en-AU", "en-CA", "en-ZA", "es-MX", "es-AR", "es-CO", "pt-PT",
        "de-AT", "de-CH", "fr-CA", "fr-BE", "fr-CH", "nl-BE", "hu-HU", "nb-NO", "ko-KR", "zh-TW", "ro-RO",
        "cs-CZ", "el-GR", "uk-UA", "en-NG", "en-IE", "it-CH", "es-PE"};

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private static String date(String format, String culture) {
        return "Date.ToText(#date(2024, 4, 9), [Format = " + q(format) + ", Culture = " + q(culture) + "])";
    }

    private static String dateTimeText(String culture) {
        return "Text.From(#datetime(2024, 4, 9, 15, 5, 6), " + q(culture) + ")";
    }

    private static String number(String x, String format, String culture) {
        return "Number.ToText(" + x + ", " + q(format) + ", " + q(culture) + ")";
    }

    @Test
    public void englishIndiaGroupsInLakhsWithDayMonthYearDashes() {
        same(q("09-04-2024"), date("d", "en-IN"));
        same(q("09 April 2024"), date("D", "en-IN"));
        same(q("Apr"), date("MMM", "en-IN"));
        same(q("Tue"), date("ddd", "en-IN"));
        same(q("12,34,567.89"), number("1234567.891", "N2", "en-IN"));
        // microsoft/dotnet#715: .NET Framework on Windows writes en-IN's 100000 with "N0" as 1,00,000
        same(q("1,00,000"), number("100000", "N0", "en-IN"));
        same(q("12,34,567"), number("1234567", "#,##0", "en-IN"));
        same(q("09-04-2024 15:05:06"), dateTimeText("en-IN"));
        same(q("\u20B9 -1,234.50"), number("-1234.5", "C", "en-IN"));
        same("1234567.89", "Number.FromText(\"12,34,567.89\", \"en-IN\")");
    }

    @Test
    public void otherEnglishCultures() {
        same(q("9/04/2024"), date("d", "en-AU"));
        same(q("9/04/2024 3:05:06 PM"), dateTimeText("en-AU"));
        same(q("April 9, 2024"), date("D", "en-CA"));
        same(q("Apr"), date("MMM", "en-CA"));
        same(q("Tue"), date("ddd", "en-CA"));
        same(q("2024-04-09 3:05:06 PM"), dateTimeText("en-CA"));
        // dotnet/runtime NumberFormatInfoData: en-CA's NLS CurrencyNegativePattern is 1 (-$n)
        same(q("-$1,234.50"), number("-1234.5", "C", "en-CA"));
        same(q("April 2024"), date("Y", "en-ZA"));
        same(q("9 April"), date("M", "en-ZA"));
    }

    @Test
    public void spanishAndPortugueseCultures() {
        same(q("mar."), date("ddd", "es-MX"));
        same(q("09/04/2024 03:05:06 p. m."), dateTimeText("es-MX"));
        same(q("mar."), date("ddd", "es-AR"));
        same(q("-$ 1.234,50"), number("-1234.5", "C", "es-AR"));
        same(q("9/04/2024 3:05:06 p. m."), dateTimeText("es-CO"));
        same(q("abril de 2024"), date("Y", "es-CO"));
        same(q("9 de abril de 2024"), date("D", "pt-PT"));
        same(q("abr"), date("MMM", "pt-PT"));
        same(q("ter"), date("ddd", "pt-PT"));
    }

    @Test
    public void germanFrenchAndDutchNeighbours() {
        same(q("9. April"), date("M", "de-AT"));
        same(q("-12,5 %"), number("-0.125", "P1", "de-AT"));
        same(q("CHF-1\u2019234.50"), number("-1234.5", "C", "de-CH"));
        same(q("1\u2019234\u2019567.89"), number("1234567.891", "N2", "de-CH"));
        same(q("9 avril 2024"), date("D", "fr-CA"));
        same(q("2024-04-09 15:05:06"), dateTimeText("fr-CA"));
        // dotnet/runtime NumberFormatInfoData: fr-CA's NLS CurrencyNegativePattern is 15 ((n $))
        same(q("(1\u00A0234,50 $)"), number("-1234.5", "C", "fr-CA"));
        same(q("09-04-24"), date("d", "fr-BE"));
        same(q("1.234.567,89"), number("1234567.891", "N2", "fr-BE"));
        same(q("1\u00A0234\u00A0567,89"), number("1234567.891", "N2", "fr-CH"));
        // currency amounts have their own separators in these two
        same(q("-1\u00A0234.50 CHF"), number("-1234.5", "C", "fr-CH"));
        same(q("-\u20AC 1.234,50"), number("-1234.5", "C", "de-AT"));
        same(q("-1\u00A0234,50"), number("-1234.5", "N2", "de-AT"));
        same(q("apr"), date("MMM", "nl-BE"));
        same(q("8:05"), "Time.ToText(#time(8, 5, 0), [Format = \"t\", Culture = \"nl-BE\"])");
    }

    @Test
    public void hungarianNorwegianKoreanChineseTaiwanRomanian() {
        same(q("2024. \u00E1prilis"), date("Y", "hu-HU"));
        same(q("\u00E1prilis 9."), date("M", "hu-HU"));
        same(q("9. april"), date("M", "nb-NO"));
        same(q("-kr 1\u00A0234,50"), number("-1234.5", "C", "nb-NO"));
        same(q("2024-04-09"), date("d", "ko-KR"));
        same(q("4"), date("MMM", "ko-KR"));
        same(q("-\u20A91,235"), number("-1234.5", "C", "ko-KR"));
        same(q("2024\u5E744\u67089\u65E5"), date("D", "zh-TW"));
        same(q("\u56DB\u6708"), date("MMM", "zh-TW"));
        same(q("2024/4/9 \u4E0B\u5348 03:05:06"), dateTimeText("zh-TW"));
        same(q("-NT$1,234.50"), number("-1234.5", "C", "zh-TW"));
        same(q("-1.234,50 lei"), number("-1234.5", "C", "ro-RO"));
    }

    /** Windows 10 data with Windows 7's genitive month names (Globalize 0.x, generated from .NET 4 on Windows 7). */
    @Test
    public void czechGreekUkrainianWithGenitiveMonths() {
        same(q("\u00FAter\u00FD 9. dubna 2024"), date("D", "cs-CZ"));
        same(q("duben 2024"), date("Y", "cs-CZ"));
        same(q("-1\u00A0234,50 K\u010D"), number("-1234.5", "C", "cs-CZ"));
        same(q("-12,5 %"), number("-0.125", "P1", "cs-CZ"));
        same(q("\u03A4\u03C1\u03AF\u03C4\u03B7, 9 \u0391\u03C0\u03C1\u03B9\u03BB\u03AF\u03BF\u03C5 2024"), date("D", "el-GR"));
        same(q("\u03A4\u03C1\u03B9"), date("ddd", "el-GR"));
        same(q("9/4/2024 3:05:06 \u03BC\u03BC"), dateTimeText("el-GR"));
        same(q("9 \u043A\u0432\u0456\u0442\u043D\u044F 2024 \u0440."), date("D", "uk-UA"));
        same(q("\u041A\u0432\u0456"), date("MMM", "uk-UA"));
        same(q("\u0412\u0442"), date("ddd", "uk-UA"));
        same(q("\u043A\u0432\u0456\u0442\u0435\u043D\u044C 2024 \u0440."), date("Y", "uk-UA"));
    }

    @Test
    public void culturesOfPublicWorkbooks() {
        same(q("09/04/2024 3:05:06 pm"), dateTimeText("en-NG"));
        same(q("am"), "Time.ToText(#time(8, 5, 0), [Format = \"tt\", Culture = \"en-IE\"])");
        same(q("CHF-1\u2019234.50"), number("-1234.5", "C", "it-CH"));
        same(q("martes, 9 de Abril de 2024"), date("D", "es-PE"));
        same(q("mar."), date("ddd", "es-PE"));
        same(q("-S/1,234.50"), number("-1234.5", "C", "es-PE"));
    }

    @Test
    public void addedCulturesReadBackWhatTheyWrite() {
        for (String c : ADDED) {
            for (String d : new String[] {"#date(2031, 9, 7)", "#date(1999, 12, 31)", "#date(2024, 4, 9)"}) {
                same(d, "Date.FromText(" + date("d", c).replace("#date(2024, 4, 9)", d) + ", [Culture = " + q(c) + "])");
                same(d, "Date.FromText(" + date("D", c).replace("#date(2024, 4, 9)", d) + ", " + q(c) + ")");
            }
            same("#datetime(2024, 4, 9, 15, 5, 6)", "DateTime.From(" + dateTimeText(c) + ", " + q(c) + ")");
            for (String x : new String[] {"9876543.21", "-0.75", "1234567.89"}) {
                same(x, "Number.FromText(" + number(x, "N2", c) + ", " + q(c) + ")");
                same(x, "Number.FromText(" + number(x, "C2", c) + ", " + q(c) + ")");
            }
        }
    }
}
