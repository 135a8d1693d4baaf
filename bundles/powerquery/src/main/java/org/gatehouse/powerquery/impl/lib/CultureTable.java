package org.gatehouse.powerquery.impl.lib;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The cultures whose .NET data the engine carries itself, because workbooks use them most and Java's CLDR data differs
 * from .NET's in ways that show in results (German "Mrz"/"Dez" abbreviations, French group separator, Russian
 * genitive month names, Italian abbreviations without a period...). Values follow .NET on Windows.
 */
final class CultureTable {

    private static final String NBSP = "\u00A0";
    private static final String NARROW_NBSP = "\u202F";
    private static final String ENGLISH_MONTHS =
            "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final String ENGLISH_DAYS = "Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday";
    /** Umm al-Qura month names, which ar-SA dates show since its calendar is the Hijri one. */
    private static final String HIJRI_MONTHS = "\u0645\u062D\u0631\u0645|\u0635\u0641\u0631|\u0631\u0628\u064A\u0639 \u0627\u0644\u0623\u0648\u0644|\u0631\u0628\u064A\u0639 \u0627\u0644\u0622\u062E\u0631|\u062C\u0645\u0627\u062F\u0649 \u0627\u0644\u0623\u0648\u0644\u0649|\u062C\u0645\u0627\u062F\u0649 \u0627\u0644\u0622\u062E\u0631\u0629|\u0631\u062C\u0628|\u0634\u0639\u0628\u0627\u0646|\u0631\u0645\u0636\u0627\u0646|\u0634\u0648\u0627\u0644|\u0630\u0648 \u0627\u0644\u0642\u0639\u062F\u0629|\u0630\u0648 \u0627\u0644\u062D\u062C\u0629";

    private static final Map<String, Culture> CULTURES = new LinkedHashMap<>();

    static {
        add(new Culture.Builder("en-US").currency("$", "$n", "($n)")
                .dates("M/d/yyyy", "dddd, MMMM d, yyyy", "MMMM d", "MMMM yyyy")
                .times("h:mm tt", "h:mm:ss tt", "AM", "PM")
                .months(ENGLISH_MONTHS, "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days(ENGLISH_DAYS, "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        add(new Culture.Builder("").currency("\u00A4", "$n", "($n)")
                .dates("MM/dd/yyyy", "dddd, dd MMMM yyyy", "MMMM dd", "yyyy MMMM")
                .times("HH:mm", "HH:mm:ss", "AM", "PM")
                .months(ENGLISH_MONTHS, "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days(ENGLISH_DAYS, "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        add(new Culture.Builder("en-GB").currency("\u00A3", "$n", "-$n").percent("n%", "-n%")
                .dates("dd/MM/yyyy", "dd MMMM yyyy", "d MMMM", "MMMM yyyy")
                .times("HH:mm", "HH:mm:ss", "AM", "PM")
                .months(ENGLISH_MONTHS, "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days(ENGLISH_DAYS, "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        add(new Culture.Builder("de-DE").numbers(",", ".").currency("\u20AC", "n $", "-n $")
                .dates("dd.MM.yyyy", "dddd, d. MMMM yyyy", "d. MMMM", "MMMM yyyy").dateSeparator(".")
                .months("Januar|Februar|M\u00E4rz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
                        "Jan|Feb|Mrz|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez")
                .days("Sonntag|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag", "So|Mo|Di|Mi|Do|Fr|Sa"));
        add(new Culture.Builder("fr-FR").numbers(",", NARROW_NBSP).currency("\u20AC", "n $", "-n $")
                .dates("dd/MM/yyyy", "dddd d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .months("janvier|f\u00E9vrier|mars|avril|mai|juin|juillet|ao\u00FBt|septembre|octobre|novembre|d\u00E9cembre",
                        "janv.|f\u00E9vr.|mars|avr.|mai|juin|juil.|ao\u00FBt|sept.|oct.|nov.|d\u00E9c.")
                .days("dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi", "dim.|lun.|mar.|mer.|jeu.|ven.|sam."));
        add(new Culture.Builder("es-ES").numbers(",", ".").currency("\u20AC", "n $", "-n $")
                .dates("dd/MM/yyyy", "dddd, d' de 'MMMM' de 'yyyy", "d' de 'MMMM", "MMMM' de 'yyyy")
                .times("H:mm", "H:mm:ss", "a. m.", "p. m.")
                .months("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
                        "ene.|feb.|mar.|abr.|may.|jun.|jul.|ago.|sep.|oct.|nov.|dic.")
                .days("domingo|lunes|martes|mi\u00E9rcoles|jueves|viernes|s\u00E1bado", "do.|lu.|ma.|mi.|ju.|vi.|s\u00E1."));
        add(new Culture.Builder("it-IT").numbers(",", ".").currency("\u20AC", "n $", "-n $").percent("n%", "-n%")
                .dates("dd/MM/yyyy", "dddd d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .months("gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
                        "gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic")
                .days("domenica|luned\u00EC|marted\u00EC|mercoled\u00EC|gioved\u00EC|venerd\u00EC|sabato",
                        "dom|lun|mar|mer|gio|ven|sab"));
        add(new Culture.Builder("nl-NL").numbers(",", ".").currency("\u20AC", "$ n", "$ -n").percent("n%", "-n%")
                .dates("d-M-yyyy", "dddd d MMMM yyyy", "d MMMM", "MMMM yyyy").dateSeparator("-")
                .months("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
                        "jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec")
                .days("zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag", "zo|ma|di|wo|do|vr|za"));
        add(new Culture.Builder("pt-BR").numbers(",", ".").currency("R$", "$ n", "-$ n").percent("n%", "-n%")
                .dates("dd/MM/yyyy", "dddd, d' de 'MMMM' de 'yyyy", "d' de 'MMMM", "MMMM' de 'yyyy")
                .months("janeiro|fevereiro|mar\u00E7o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
                        "jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez")
                .days("domingo|segunda-feira|ter\u00E7a-feira|quarta-feira|quinta-feira|sexta-feira|s\u00E1bado",
                        "dom|seg|ter|qua|qui|sex|s\u00E1b"));
        add(new Culture.Builder("ja-JP").currency("\u00A5", "$n", "-$n").currencyDigits(0).percent("n%", "-n%")
                .dates("yyyy/MM/dd", "yyyy'\u5E74'M'\u6708'd'\u65E5'", "M'\u6708'd'\u65E5'", "yyyy'\u5E74'M'\u6708'")
                .times("H:mm", "H:mm:ss", "\u5348\u524D", "\u5348\u5F8C")
                .months(numbered("\u6708"), numbered("\u6708"))
                .days("\u65E5\u66DC\u65E5|\u6708\u66DC\u65E5|\u706B\u66DC\u65E5|\u6C34\u66DC\u65E5|\u6728\u66DC\u65E5|\u91D1\u66DC\u65E5|\u571F\u66DC\u65E5",
                        "\u65E5|\u6708|\u706B|\u6C34|\u6728|\u91D1|\u571F"));
        add(new Culture.Builder("zh-CN").currency("\u00A5", "$n", "$-n").percent("n%", "-n%")
                .dates("yyyy/M/d", "yyyy'\u5E74'M'\u6708'd'\u65E5'", "M'\u6708'd'\u65E5'", "yyyy'\u5E74'M'\u6708'")
                .times("H:mm", "H:mm:ss", "\u4E0A\u5348", "\u4E0B\u5348")
                .months("\u4E00\u6708|\u4E8C\u6708|\u4E09\u6708|\u56DB\u6708|\u4E94\u6708|\u516D\u6708|\u4E03\u6708|\u516B\u6708|\u4E5D\u6708|\u5341\u6708|\u5341\u4E00\u6708|\u5341\u4E8C\u6708",
                        numbered("\u6708"))
                .days("\u661F\u671F\u65E5|\u661F\u671F\u4E00|\u661F\u671F\u4E8C|\u661F\u671F\u4E09|\u661F\u671F\u56DB|\u661F\u671F\u4E94|\u661F\u671F\u516D",
                        "\u5468\u65E5|\u5468\u4E00|\u5468\u4E8C|\u5468\u4E09|\u5468\u56DB|\u5468\u4E94|\u5468\u516D"));
        add(new Culture.Builder("ru-RU").numbers(",", NBSP).currency("\u20BD", "n $", "-n $")
                .dates("dd.MM.yyyy", "d MMMM yyyy '\u0433.'", "d MMMM", "MMMM yyyy").dateSeparator(".")
                .times("H:mm", "H:mm:ss", "", "")
                .months("\u042F\u043D\u0432\u0430\u0440\u044C|\u0424\u0435\u0432\u0440\u0430\u043B\u044C|\u041C\u0430\u0440\u0442|\u0410\u043F\u0440\u0435\u043B\u044C|\u041C\u0430\u0439|\u0418\u044E\u043D\u044C|\u0418\u044E\u043B\u044C|\u0410\u0432\u0433\u0443\u0441\u0442|\u0421\u0435\u043D\u0442\u044F\u0431\u0440\u044C|\u041E\u043A\u0442\u044F\u0431\u0440\u044C|\u041D\u043E\u044F\u0431\u0440\u044C|\u0414\u0435\u043A\u0430\u0431\u0440\u044C",
                        "\u044F\u043D\u0432|\u0444\u0435\u0432|\u043C\u0430\u0440|\u0430\u043F\u0440|\u043C\u0430\u0439|\u0438\u044E\u043D|\u0438\u044E\u043B|\u0430\u0432\u0433|\u0441\u0435\u043D|\u043E\u043A\u0442|\u043D\u043E\u044F|\u0434\u0435\u043A")
                .genitiveMonths("\u044F\u043D\u0432\u0430\u0440\u044F|\u0444\u0435\u0432\u0440\u0430\u043B\u044F|\u043C\u0430\u0440\u0442\u0430|\u0430\u043F\u0440\u0435\u043B\u044F|\u043C\u0430\u044F|\u0438\u044E\u043D\u044F|\u0438\u044E\u043B\u044F|\u0430\u0432\u0433\u0443\u0441\u0442\u0430|\u0441\u0435\u043D\u0442\u044F\u0431\u0440\u044F|\u043E\u043A\u0442\u044F\u0431\u0440\u044F|\u043D\u043E\u044F\u0431\u0440\u044F|\u0434\u0435\u043A\u0430\u0431\u0440\u044F",
                        "\u044F\u043D\u0432|\u0444\u0435\u0432|\u043C\u0430\u0440|\u0430\u043F\u0440|\u043C\u0430\u044F|\u0438\u044E\u043D|\u0438\u044E\u043B|\u0430\u0432\u0433|\u0441\u0435\u043D|\u043E\u043A\u0442|\u043D\u043E\u044F|\u0434\u0435\u043A")
                .days("\u0432\u043E\u0441\u043A\u0440\u0435\u0441\u0435\u043D\u044C\u0435|\u043F\u043E\u043D\u0435\u0434\u0435\u043B\u044C\u043D\u0438\u043A|\u0432\u0442\u043E\u0440\u043D\u0438\u043A|\u0441\u0440\u0435\u0434\u0430|\u0447\u0435\u0442\u0432\u0435\u0440\u0433|\u043F\u044F\u0442\u043D\u0438\u0446\u0430|\u0441\u0443\u0431\u0431\u043E\u0442\u0430",
                        "\u0412\u0441|\u041F\u043D|\u0412\u0442|\u0421\u0440|\u0427\u0442|\u041F\u0442|\u0421\u0431"));
        add(new Culture.Builder("sv-SE").numbers(",", NBSP).currency("kr", "n $", "-n $")
                .dates("yyyy-MM-dd", "'den 'd MMMM yyyy", "'den 'd MMMM", "MMMM yyyy").dateSeparator("-")
                .months("januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december",
                        "jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec")
                .days("s\u00F6ndag|m\u00E5ndag|tisdag|onsdag|torsdag|fredag|l\u00F6rdag", "s\u00F6n|m\u00E5n|tis|ons|tor|fre|l\u00F6r"));
        add(new Culture.Builder("da-DK").numbers(",", ".").currency("kr.", "n $", "-n $")
                .dates("dd-MM-yyyy", "d. MMMM yyyy", "d. MMMM", "MMMM yyyy").dateSeparator("-")
                .months("januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december",
                        "jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec")
                .days("s\u00F8ndag|mandag|tirsdag|onsdag|torsdag|fredag|l\u00F8rdag", "s\u00F8|ma|ti|on|to|fr|l\u00F8"));
        add(new Culture.Builder("pl-PL").numbers(",", NBSP).currency("z\u0142", "n $", "-n $").percent("n%", "-n%")
                .dates("dd.MM.yyyy", "d MMMM yyyy", "d MMMM", "MMMM yyyy").dateSeparator(".")
                .months("stycze\u0144|luty|marzec|kwiecie\u0144|maj|czerwiec|lipiec|sierpie\u0144|wrzesie\u0144|pa\u017Adziernik|listopad|grudzie\u0144",
                        "sty|lut|mar|kwi|maj|cze|lip|sie|wrz|pa\u017A|lis|gru")
                .genitiveMonths("stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze\u015Bnia|pa\u017Adziernika|listopada|grudnia",
                        "sty|lut|mar|kwi|maj|cze|lip|sie|wrz|pa\u017A|lis|gru")
                .days("niedziela|poniedzia\u0142ek|wtorek|\u015Broda|czwartek|pi\u0105tek|sobota", "N|Pn|Wt|\u015Ar|Cz|Pt|So"));
        add(new Culture.Builder("ar-SA").currency("\u0631.\u0633.\u200F", "$ n", "$n-").umAlQura()
                .dates("dd/MM/yy", "dd/MMMM/yyyy", "dd MMMM", "MMMM, yyyy")
                .times("hh:mm tt", "hh:mm:ss tt", "\u0635", "\u0645")
                .months(HIJRI_MONTHS, HIJRI_MONTHS)
                .days("\u0627\u0644\u0623\u062D\u062F|\u0627\u0644\u0625\u062B\u0646\u064A\u0646|\u0627\u0644\u062B\u0644\u0627\u062B\u0627\u0621|\u0627\u0644\u0623\u0631\u0628\u0639\u0627\u0621|\u0627\u0644\u062E\u0645\u064A\u0633|\u0627\u0644\u062C\u0645\u0639\u0629|\u0627\u0644\u0633\u0628\u062A",
                        "\u0627\u0644\u0623\u062D\u062F|\u0627\u0644\u0625\u062B\u0646\u064A\u0646|\u0627\u0644\u062B\u0644\u0627\u062B\u0627\u0621|\u0627\u0644\u0623\u0631\u0628\u0639\u0627\u0621|\u0627\u0644\u062E\u0645\u064A\u0633|\u0627\u0644\u062C\u0645\u0639\u0629|\u0627\u0644\u0633\u0628\u062A"));
    }

    private CultureTable() {
    }

    /** The built-in culture of a name, case-insensitively; a bare language ("fr") means its main country's culture. */
    static Culture find(String name) {
        for (Map.Entry<String, Culture> e : CULTURES.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        if (!name.isEmpty() && !name.contains("-")) {
            for (Map.Entry<String, Culture> e : CULTURES.entrySet()) {
                if (!e.getKey().isEmpty() && Locale.forLanguageTag(e.getKey()).getLanguage().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static void add(Culture.Builder b) {
        Culture c = b.build();
        CULTURES.put(c.name, c);
    }

    /** "1月".."12月": month names that are the number and a suffix. */
    private static String numbered(String suffix) {
        StringBuilder sb = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            sb.append(m == 1 ? "" : "|").append(m).append(suffix);
        }
        return sb.toString();
    }
}
