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
        // Windows 10 (NLS) data as .NET Framework 4.7 reports it, from Telerik's Kendo UI culture scripts, which
        // docs.telerik.com/kendo-ui/globalization/overview says are generated from the Windows 10 and .NET 4.7
        // culture definitions (their de-DE and es-ES match the entries above). Left to the fallback: th-TH (its
        // Windows calendar is the Thai Buddhist one, which the engine does not model) and the languages whose Windows
        // data has genitive month names that these scripts leave out and no other Windows dump gives (fi-FI, vi-VN);
        // en-NZ, tr-TR and id-ID, whose Windows data the fallback already gives.
        // en-IN: Kendo UI kendo.culture.en-IN.js. Lakh grouping (NumberGroupSizes 3, 2; .NET Framework on Windows
        // writes en-IN's 100000 with "N0" as 1,00,000, GitHub issue microsoft/dotnet#715).
        add(new Culture.Builder("en-IN").groupSizes(3, 2)
                .currency("\u20B9", "$ n", "$ -n")
                .percent("n%", "-n%")
                .dates("dd-MM-yyyy", "dd MMMM yyyy", "d MMMM", "MMMM, yyyy")
                .dateSeparator("-")
                .times("HH:mm", "HH:mm:ss", "AM", "PM")
                .months("January|February|March|April|May|June|July|August|September|October|November|December",
                        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days("Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
                        "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        // en-AU: Kendo UI kendo.culture.en-AU.js.
        add(new Culture.Builder("en-AU")
                .currency("$", "$n", "-$n")
                .percent("n%", "-n%")
                .dates("d/MM/yyyy", "dddd, d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .times("h:mm tt", "h:mm:ss tt", "AM", "PM")
                .months("January|February|March|April|May|June|July|August|September|October|November|December",
                        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days("Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
                        "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        // en-CA: Kendo UI kendo.culture.en-CA.js.
        add(new Culture.Builder("en-CA")
                .currency("$", "$n", "-$n")
                .percent("n%", "-n%")
                .dates("yyyy-MM-dd", "MMMM d, yyyy", "d MMMM", "MMMM, yyyy")
                .dateSeparator("-")
                .times("h:mm tt", "h:mm:ss tt", "AM", "PM")
                .months("January|February|March|April|May|June|July|August|September|October|November|December",
                        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days("Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
                        "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        // en-ZA: Kendo UI kendo.culture.en-ZA.js.
        add(new Culture.Builder("en-ZA")
                .numbers(",", "\u00A0")
                .currency("R", "$n", "-$n")
                .percent("n%", "-n%")
                .dates("yyyy/MM/dd", "dddd, dd MMMM yyyy", "d MMMM", "MMMM yyyy")
                .times("HH:mm", "HH:mm:ss", "am", "pm")
                .months("January|February|March|April|May|June|July|August|September|October|November|December",
                        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days("Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
                        "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        // es-MX: Kendo UI kendo.culture.es-MX.js.
        add(new Culture.Builder("es-MX")
                .currency("$", "$n", "-$n")
                .percent("n %", "-n %")
                .dates("dd/MM/yyyy", "dddd, d' de 'MMMM' de 'yyyy", "d 'de' MMMM", "MMMM' de 'yyyy")
                .times("hh:mm tt", "hh:mm:ss tt", "a. m.", "p. m.")
                .months("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
                        "ene.|feb.|mar.|abr.|may.|jun.|jul.|ago.|sep.|oct.|nov.|dic.")
                .days("domingo|lunes|martes|mi\u00E9rcoles|jueves|viernes|s\u00E1bado",
                        "dom.|lun.|mar.|mi\u00E9.|jue.|vie.|s\u00E1b."));
        // es-AR: Kendo UI kendo.culture.es-AR.js.
        add(new Culture.Builder("es-AR")
                .numbers(",", ".")
                .currency("$", "$ n", "-$ n")
                .percent("n %", "-n %")
                .dates("d/M/yyyy", "dddd, d 'de' MMMM 'de' yyyy", "d 'de' MMMM", "MMMM 'de' yyyy")
                .times("HH:mm", "HH:mm:ss", "a. m.", "p. m.")
                .months("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
                        "ene.|feb.|mar.|abr.|may.|jun.|jul.|ago.|sep.|oct.|nov.|dic.")
                .days("domingo|lunes|martes|mi\u00E9rcoles|jueves|viernes|s\u00E1bado",
                        "dom.|lun.|mar.|mi\u00E9.|jue.|vie.|s\u00E1b."));
        // es-CO: Kendo UI kendo.culture.es-CO.js.
        add(new Culture.Builder("es-CO")
                .numbers(",", ".")
                .currency("$", "$ n", "-$ n")
                .percent("n %", "-n %")
                .dates("d/MM/yyyy", "dddd, d 'de' MMMM 'de' yyyy", "d 'de' MMMM", "MMMM 'de' yyyy")
                .times("h:mm tt", "h:mm:ss tt", "a. m.", "p. m.")
                .months("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
                        "ene.|feb.|mar.|abr.|may.|jun.|jul.|ago.|sept.|oct.|nov.|dic.")
                .days("domingo|lunes|martes|mi\u00E9rcoles|jueves|viernes|s\u00E1bado",
                        "dom.|lun.|mar.|mi\u00E9.|jue.|vie.|s\u00E1b."));
        // pt-PT: Kendo UI kendo.culture.pt-PT.js.
        add(new Culture.Builder("pt-PT")
                .numbers(",", "\u00A0")
                .currency("\u20AC", "n $", "-n $")
                .percent("n%", "-n%")
                .dates("dd/MM/yyyy", "d' de 'MMMM' de 'yyyy", "d 'de' MMMM", "MMMM' de 'yyyy")
                .times("HH:mm", "HH:mm:ss", "", "")
                .months("janeiro|fevereiro|mar\u00E7o|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
                        "jan|fev|mar|abr|mai|jun|jul|ago|set|out|nov|dez")
                .days("domingo|segunda-feira|ter\u00E7a-feira|quarta-feira|quinta-feira|sexta-feira|s\u00E1bado",
                        "dom|seg|ter|qua|qui|sex|s\u00E1b"));
        // de-AT: Kendo UI kendo.culture.de-AT.js (currency amounts grouped with '.', numbers with a space).
        add(new Culture.Builder("de-AT")
                .numbers(",", "\u00A0").currencySeparators(",", ".")
                .currency("\u20AC", "$ n", "-$ n")
                .percent("n %", "-n %")
                .dates("dd.MM.yyyy", "dddd, d. MMMM yyyy", "d. MMMM", "MMMM yyyy")
                .dateSeparator(".")
                .times("HH:mm", "HH:mm:ss", "AM", "PM")
                .months("J\u00E4nner|Februar|M\u00E4rz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
                        "J\u00E4n|Feb|M\u00E4r|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez")
                .days("Sonntag|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag",
                        "So.|Mo.|Di.|Mi.|Do.|Fr.|Sa."));
        // de-CH: Kendo UI kendo.culture.de-CH.js.
        add(new Culture.Builder("de-CH")
                .numbers(".", "\u2019")
                .currency("CHF", "$ n", "$-n")
                .percent("n%", "-n%")
                .dates("dd.MM.yyyy", "dddd, d. MMMM yyyy", "d. MMMM", "MMMM yyyy")
                .dateSeparator(".")
                .times("HH:mm", "HH:mm:ss", "AM", "PM")
                .months("Januar|Februar|M\u00E4rz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
                        "Jan|Feb|M\u00E4r|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez")
                .days("Sonntag|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag",
                        "So.|Mo.|Di.|Mi.|Do.|Fr.|Sa."));
        // fr-CA: Kendo UI kendo.culture.fr-CA.js.
        add(new Culture.Builder("fr-CA")
                .numbers(",", "\u00A0")
                .currency("$", "n $", "(n $)")
                .percent("n %", "-n %")
                .dates("yyyy-MM-dd", "d MMMM yyyy", "d MMMM", "MMMM, yyyy")
                .dateSeparator("-")
                .times("HH:mm", "HH:mm:ss", "", "")
                .months("janvier|f\u00E9vrier|mars|avril|mai|juin|juillet|ao\u00FBt|septembre|octobre|novembre|d\u00E9cembre",
                        "janv.|f\u00E9vr.|mars|avr.|mai|juin|juil.|ao\u00FBt|sept.|oct.|nov.|d\u00E9c.")
                .days("dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi",
                        "dim.|lun.|mar.|mer.|jeu.|ven.|sam."));
        // fr-BE: Kendo UI kendo.culture.fr-BE.js.
        add(new Culture.Builder("fr-BE")
                .numbers(",", ".")
                .currency("\u20AC", "n $", "-n $")
                .percent("n %", "-n %")
                .dates("dd-MM-yy", "dddd d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .dateSeparator("-")
                .times("HH:mm", "HH:mm:ss", "", "")
                .months("janvier|f\u00E9vrier|mars|avril|mai|juin|juillet|ao\u00FBt|septembre|octobre|novembre|d\u00E9cembre",
                        "janv.|f\u00E9vr.|mars|avr.|mai|juin|juil.|ao\u00FBt|sept.|oct.|nov.|d\u00E9c.")
                .days("dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi",
                        "dim.|lun.|mar.|mer.|jeu.|ven.|sam."));
        // fr-CH: Kendo UI kendo.culture.fr-CH.js (currency amounts with a decimal point, numbers a decimal comma).
        add(new Culture.Builder("fr-CH")
                .numbers(",", "\u00A0").currencySeparators(".", "\u00A0")
                .currency("CHF", "n $", "-n $")
                .percent("n%", "-n%")
                .dates("dd.MM.yyyy", "dddd, d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .dateSeparator(".")
                .times("HH:mm", "HH:mm:ss", "AM", "PM")
                .months("janvier|f\u00E9vrier|mars|avril|mai|juin|juillet|ao\u00FBt|septembre|octobre|novembre|d\u00E9cembre",
                        "janv.|f\u00E9vr.|mars|avr.|mai|juin|juil.|ao\u00FBt|sept.|oct.|nov.|d\u00E9c.")
                .days("dimanche|lundi|mardi|mercredi|jeudi|vendredi|samedi",
                        "dim.|lun.|mar.|mer.|jeu.|ven.|sam."));
        // nl-BE: Kendo UI kendo.culture.nl-BE.js.
        add(new Culture.Builder("nl-BE")
                .numbers(",", ".")
                .currency("\u20AC", "$ n", "-$ n")
                .percent("n%", "-n%")
                .dates("d/MM/yyyy", "dddd d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .times("H:mm", "H:mm:ss", "", "")
                .months("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
                        "jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec")
                .days("zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag",
                        "zo|ma|di|wo|do|vr|za"));
        // cs-CZ: Kendo UI kendo.culture.cs-CZ.js. Genitive names from Globalize 0.x's globalize.culture.cs-CZ.js
        // (generated from .NET 4 on Windows 7); its abbreviations were the month numbers, so the abbreviated
        // genitives are left as the nominative ones.
        add(new Culture.Builder("cs-CZ")
                .numbers(",", "\u00A0")
                .currency("K\u010D", "n $", "-n $")
                .percent("n %", "-n %")
                .dates("dd.MM.yyyy", "dddd d. MMMM yyyy", "d. MMMM", "MMMM yyyy")
                .dateSeparator(".")
                .times("H:mm", "H:mm:ss", "dop.", "odp.")
                .months("leden|\u00FAnor|b\u0159ezen|duben|kv\u011Bten|\u010Derven|\u010Dervenec|srpen|z\u00E1\u0159\u00ED|\u0159\u00EDjen|listopad|prosinec",
                        "led|\u00FAno|b\u0159e|dub|kv\u011B|\u010Dvn|\u010Dvc|srp|z\u00E1\u0159|\u0159\u00EDj|lis|pro")
                .genitiveMonths("ledna|\u00FAnora|b\u0159ezna|dubna|kv\u011Btna|\u010Dervna|\u010Dervence|srpna|z\u00E1\u0159\u00ED|\u0159\u00EDjna|listopadu|prosince",
                        "led|\u00FAno|b\u0159e|dub|kv\u011B|\u010Dvn|\u010Dvc|srp|z\u00E1\u0159|\u0159\u00EDj|lis|pro")
                .days("ned\u011Ble|pond\u011Bl\u00ED|\u00FAter\u00FD|st\u0159eda|\u010Dtvrtek|p\u00E1tek|sobota",
                        "ne|po|\u00FAt|st|\u010Dt|p\u00E1|so"));
        // el-GR: Kendo UI kendo.culture.el-GR.js. Genitive names from Globalize 0.x's globalize.culture.el-GR.js
        // (generated from .NET 4 on Windows 7, whose other el-GR data is the same as Windows 10's).
        add(new Culture.Builder("el-GR")
                .numbers(",", ".")
                .currency("\u20AC", "n $", "-n $")
                .percent("n%", "-n%")
                .dates("d/M/yyyy", "dddd, d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .times("h:mm tt", "h:mm:ss tt", "\u03C0\u03BC", "\u03BC\u03BC")
                .months("\u0399\u03B1\u03BD\u03BF\u03C5\u03AC\u03C1\u03B9\u03BF\u03C2|\u03A6\u03B5\u03B2\u03C1\u03BF\u03C5\u03AC\u03C1\u03B9\u03BF\u03C2|\u039C\u03AC\u03C1\u03C4\u03B9\u03BF\u03C2|\u0391\u03C0\u03C1\u03AF\u03BB\u03B9\u03BF\u03C2|\u039C\u03AC\u03B9\u03BF\u03C2|\u0399\u03BF\u03CD\u03BD\u03B9\u03BF\u03C2|\u0399\u03BF\u03CD\u03BB\u03B9\u03BF\u03C2|\u0391\u03CD\u03B3\u03BF\u03C5\u03C3\u03C4\u03BF\u03C2|\u03A3\u03B5\u03C0\u03C4\u03AD\u03BC\u03B2\u03C1\u03B9\u03BF\u03C2|\u039F\u03BA\u03C4\u03CE\u03B2\u03C1\u03B9\u03BF\u03C2|\u039D\u03BF\u03AD\u03BC\u03B2\u03C1\u03B9\u03BF\u03C2|\u0394\u03B5\u03BA\u03AD\u03BC\u03B2\u03C1\u03B9\u03BF\u03C2",
                        "\u0399\u03B1\u03BD|\u03A6\u03B5\u03B2|\u039C\u03B1\u03C1|\u0391\u03C0\u03C1|\u039C\u03B1\u03CA|\u0399\u03BF\u03C5\u03BD|\u0399\u03BF\u03C5\u03BB|\u0391\u03C5\u03B3|\u03A3\u03B5\u03C0|\u039F\u03BA\u03C4|\u039D\u03BF\u03B5|\u0394\u03B5\u03BA")
                .genitiveMonths("\u0399\u03B1\u03BD\u03BF\u03C5\u03B1\u03C1\u03AF\u03BF\u03C5|\u03A6\u03B5\u03B2\u03C1\u03BF\u03C5\u03B1\u03C1\u03AF\u03BF\u03C5|\u039C\u03B1\u03C1\u03C4\u03AF\u03BF\u03C5|\u0391\u03C0\u03C1\u03B9\u03BB\u03AF\u03BF\u03C5|\u039C\u03B1\u0390\u03BF\u03C5|\u0399\u03BF\u03C5\u03BD\u03AF\u03BF\u03C5|\u0399\u03BF\u03C5\u03BB\u03AF\u03BF\u03C5|\u0391\u03C5\u03B3\u03BF\u03CD\u03C3\u03C4\u03BF\u03C5|\u03A3\u03B5\u03C0\u03C4\u03B5\u03BC\u03B2\u03C1\u03AF\u03BF\u03C5|\u039F\u03BA\u03C4\u03C9\u03B2\u03C1\u03AF\u03BF\u03C5|\u039D\u03BF\u03B5\u03BC\u03B2\u03C1\u03AF\u03BF\u03C5|\u0394\u03B5\u03BA\u03B5\u03BC\u03B2\u03C1\u03AF\u03BF\u03C5",
                        "\u0399\u03B1\u03BD|\u03A6\u03B5\u03B2|\u039C\u03B1\u03C1|\u0391\u03C0\u03C1|\u039C\u03B1\u03CA|\u0399\u03BF\u03C5\u03BD|\u0399\u03BF\u03C5\u03BB|\u0391\u03C5\u03B3|\u03A3\u03B5\u03C0|\u039F\u03BA\u03C4|\u039D\u03BF\u03B5|\u0394\u03B5\u03BA")
                .days("\u039A\u03C5\u03C1\u03B9\u03B1\u03BA\u03AE|\u0394\u03B5\u03C5\u03C4\u03AD\u03C1\u03B1|\u03A4\u03C1\u03AF\u03C4\u03B7|\u03A4\u03B5\u03C4\u03AC\u03C1\u03C4\u03B7|\u03A0\u03AD\u03BC\u03C0\u03C4\u03B7|\u03A0\u03B1\u03C1\u03B1\u03C3\u03BA\u03B5\u03C5\u03AE|\u03A3\u03AC\u03B2\u03B2\u03B1\u03C4\u03BF",
                        "\u039A\u03C5\u03C1|\u0394\u03B5\u03C5|\u03A4\u03C1\u03B9|\u03A4\u03B5\u03C4|\u03A0\u03B5\u03BC|\u03A0\u03B1\u03C1|\u03A3\u03B1\u03B2"));
        // uk-UA: Kendo UI kendo.culture.uk-UA.js. Genitive names from Globalize 0.x's globalize.culture.uk-UA.js
        // (generated from .NET 4 on Windows 7; its nominative abbreviations are Windows 10's).
        add(new Culture.Builder("uk-UA")
                .numbers(",", "\u00A0")
                .currency("\u20B4", "n $", "-n $")
                .percent("n%", "-n%")
                .dates("dd.MM.yyyy", "d MMMM yyyy' \u0440.'", "d MMMM", "MMMM yyyy' \u0440.'")
                .dateSeparator(".")
                .times("H:mm", "H:mm:ss", "", "")
                .months("\u0441\u0456\u0447\u0435\u043D\u044C|\u043B\u044E\u0442\u0438\u0439|\u0431\u0435\u0440\u0435\u0437\u0435\u043D\u044C|\u043A\u0432\u0456\u0442\u0435\u043D\u044C|\u0442\u0440\u0430\u0432\u0435\u043D\u044C|\u0447\u0435\u0440\u0432\u0435\u043D\u044C|\u043B\u0438\u043F\u0435\u043D\u044C|\u0441\u0435\u0440\u043F\u0435\u043D\u044C|\u0432\u0435\u0440\u0435\u0441\u0435\u043D\u044C|\u0436\u043E\u0432\u0442\u0435\u043D\u044C|\u043B\u0438\u0441\u0442\u043E\u043F\u0430\u0434|\u0433\u0440\u0443\u0434\u0435\u043D\u044C",
                        "\u0421\u0456\u0447|\u041B\u044E\u0442|\u0411\u0435\u0440|\u041A\u0432\u0456|\u0422\u0440\u0430|\u0427\u0435\u0440|\u041B\u0438\u043F|\u0421\u0435\u0440|\u0412\u0435\u0440|\u0416\u043E\u0432|\u041B\u0438\u0441|\u0413\u0440\u0443")
                .genitiveMonths("\u0441\u0456\u0447\u043D\u044F|\u043B\u044E\u0442\u043E\u0433\u043E|\u0431\u0435\u0440\u0435\u0437\u043D\u044F|\u043A\u0432\u0456\u0442\u043D\u044F|\u0442\u0440\u0430\u0432\u043D\u044F|\u0447\u0435\u0440\u0432\u043D\u044F|\u043B\u0438\u043F\u043D\u044F|\u0441\u0435\u0440\u043F\u043D\u044F|\u0432\u0435\u0440\u0435\u0441\u043D\u044F|\u0436\u043E\u0432\u0442\u043D\u044F|\u043B\u0438\u0441\u0442\u043E\u043F\u0430\u0434\u0430|\u0433\u0440\u0443\u0434\u043D\u044F",
                        "\u0441\u0456\u0447|\u043B\u044E\u0442|\u0431\u0435\u0440|\u043A\u0432\u0456|\u0442\u0440\u0430|\u0447\u0435\u0440|\u043B\u0438\u043F|\u0441\u0435\u0440|\u0432\u0435\u0440|\u0436\u043E\u0432|\u043B\u0438\u0441|\u0433\u0440\u0443")
                .days("\u043D\u0435\u0434\u0456\u043B\u044F|\u043F\u043E\u043D\u0435\u0434\u0456\u043B\u043E\u043A|\u0432\u0456\u0432\u0442\u043E\u0440\u043E\u043A|\u0441\u0435\u0440\u0435\u0434\u0430|\u0447\u0435\u0442\u0432\u0435\u0440|\u043F'\u044F\u0442\u043D\u0438\u0446\u044F|\u0441\u0443\u0431\u043E\u0442\u0430",
                        "\u041D\u0434|\u041F\u043D|\u0412\u0442|\u0421\u0440|\u0427\u0442|\u041F\u0442|\u0421\u0431"));
        // hu-HU: Kendo UI kendo.culture.hu-HU.js.
        add(new Culture.Builder("hu-HU")
                .numbers(",", "\u00A0")
                .currency("Ft", "n $", "-n $")
                .percent("n%", "-n%")
                .dates("yyyy. MM. dd.", "yyyy. MMMM d., dddd", "MMMM d.", "yyyy. MMMM")
                .dateSeparator(". ")
                .times("H:mm", "H:mm:ss", "de.", "du.")
                .months("janu\u00E1r|febru\u00E1r|m\u00E1rcius|\u00E1prilis|m\u00E1jus|j\u00FAnius|j\u00FAlius|augusztus|szeptember|okt\u00F3ber|november|december",
                        "jan.|febr.|m\u00E1rc.|\u00E1pr.|m\u00E1j.|j\u00FAn.|j\u00FAl.|aug.|szept.|okt.|nov.|dec.")
                .days("vas\u00E1rnap|h\u00E9tf\u0151|kedd|szerda|cs\u00FCt\u00F6rt\u00F6k|p\u00E9ntek|szombat",
                        "V|H|K|Sze|Cs|P|Szo"));
        // nb-NO: Kendo UI kendo.culture.nb-NO.js.
        add(new Culture.Builder("nb-NO")
                .numbers(",", "\u00A0")
                .currency("kr", "$ n", "-$ n")
                .percent("n %", "-n %")
                .dates("dd.MM.yyyy", "dddd d. MMMM yyyy", "d. MMMM", "MMMM yyyy")
                .dateSeparator(".")
                .times("HH:mm", "HH:mm:ss", "a.m.", "p.m.")
                .months("januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember",
                        "jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des")
                .days("s\u00F8ndag|mandag|tirsdag|onsdag|torsdag|fredag|l\u00F8rdag",
                        "s\u00F8n.|man.|tir.|ons.|tor.|fre.|l\u00F8r."));
        // ko-KR: Kendo UI kendo.culture.ko-KR.js.
        add(new Culture.Builder("ko-KR")
                .currency("\u20A9", "$n", "-$n")
                .currencyDigits(0)
                .percent("n%", "-n%")
                .dates("yyyy-MM-dd", "yyyy'\uB144' M'\uC6D4' d'\uC77C' dddd", "M\uC6D4 d\uC77C", "yyyy'\uB144' M'\uC6D4'")
                .dateSeparator("-")
                .times("tt h:mm", "tt h:mm:ss", "\uC624\uC804", "\uC624\uD6C4")
                .months("1\uC6D4|2\uC6D4|3\uC6D4|4\uC6D4|5\uC6D4|6\uC6D4|7\uC6D4|8\uC6D4|9\uC6D4|10\uC6D4|11\uC6D4|12\uC6D4",
                        "1|2|3|4|5|6|7|8|9|10|11|12")
                .days("\uC77C\uC694\uC77C|\uC6D4\uC694\uC77C|\uD654\uC694\uC77C|\uC218\uC694\uC77C|\uBAA9\uC694\uC77C|\uAE08\uC694\uC77C|\uD1A0\uC694\uC77C",
                        "\uC77C|\uC6D4|\uD654|\uC218|\uBAA9|\uAE08|\uD1A0"));
        // zh-TW: Kendo UI kendo.culture.zh-TW.js.
        add(new Culture.Builder("zh-TW")
                .currency("NT$", "$n", "-$n")
                .percent("n%", "-n%")
                .dates("yyyy/M/d", "yyyy'\u5E74'M'\u6708'd'\u65E5'", "M\u6708d\u65E5", "yyyy'\u5E74'M'\u6708'")
                .times("tt hh:mm", "tt hh:mm:ss", "\u4E0A\u5348", "\u4E0B\u5348")
                .months("\u4E00\u6708|\u4E8C\u6708|\u4E09\u6708|\u56DB\u6708|\u4E94\u6708|\u516D\u6708|\u4E03\u6708|\u516B\u6708|\u4E5D\u6708|\u5341\u6708|\u5341\u4E00\u6708|\u5341\u4E8C\u6708",
                        "\u4E00\u6708|\u4E8C\u6708|\u4E09\u6708|\u56DB\u6708|\u4E94\u6708|\u516D\u6708|\u4E03\u6708|\u516B\u6708|\u4E5D\u6708|\u5341\u6708|\u5341\u4E00\u6708|\u5341\u4E8C\u6708")
                .days("\u661F\u671F\u65E5|\u661F\u671F\u4E00|\u661F\u671F\u4E8C|\u661F\u671F\u4E09|\u661F\u671F\u56DB|\u661F\u671F\u4E94|\u661F\u671F\u516D",
                        "\u9031\u65E5|\u9031\u4E00|\u9031\u4E8C|\u9031\u4E09|\u9031\u56DB|\u9031\u4E94|\u9031\u516D"));
        // ro-RO: Kendo UI kendo.culture.ro-RO.js.
        add(new Culture.Builder("ro-RO")
                .numbers(",", ".")
                .currency("lei", "n $", "-n $")
                .percent("n %", "-n %")
                .dates("dd.MM.yyyy", "dddd, d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .dateSeparator(".")
                .times("HH:mm", "HH:mm:ss", "a.m.", "p.m.")
                .months("ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie",
                        "ian.|feb.|mar.|apr.|mai|iun.|iul.|aug.|sept.|oct.|nov.|dec.")
                .days("duminic\u0103|luni|mar\u021Bi|miercuri|joi|vineri|s\u00E2mb\u0103t\u0103",
                        "dum.|lun.|mar.|mie.|joi|vin.|s\u00E2m."));
        // Cultures some public workbooks were saved in (Config/Package.xml), same source (en-PK, en-PH and en-KE
        // are left out: the fallback already writes what Windows does in them; en-150 too: its script's decimal
        // comma conflicts with an en-150 workbook whose cached table has "471.45000000000005" typed as 471.45).
        // en-NG: Kendo UI kendo.culture.en-NG.js.
        add(new Culture.Builder("en-NG")
                .currency("\u20A6", "$n", "-$n")
                .percent("n%", "-n%")
                .dates("dd/MM/yyyy", "dddd, d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .times("h:mm tt", "h:mm:ss tt", "am", "pm")
                .months("January|February|March|April|May|June|July|August|September|October|November|December",
                        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days("Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
                        "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        // en-IE: Kendo UI kendo.culture.en-IE.js.
        add(new Culture.Builder("en-IE")
                .currency("\u20AC", "$n", "-$n")
                .percent("n%", "-n%")
                .dates("dd/MM/yyyy", "dddd d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .times("HH:mm", "HH:mm:ss", "am", "pm")
                .months("January|February|March|April|May|June|July|August|September|October|November|December",
                        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
                .days("Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday",
                        "Sun|Mon|Tue|Wed|Thu|Fri|Sat"));
        // it-CH: Kendo UI kendo.culture.it-CH.js.
        add(new Culture.Builder("it-CH")
                .numbers(".", "\u2019")
                .currency("CHF", "$ n", "$-n")
                .percent("n%", "-n%")
                .dates("dd.MM.yyyy", "dddd, d MMMM yyyy", "d MMMM", "MMMM yyyy")
                .dateSeparator(".")
                .times("HH:mm", "HH:mm:ss", "AM", "PM")
                .months("gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
                        "gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic")
                .days("domenica|luned\u00EC|marted\u00EC|mercoled\u00EC|gioved\u00EC|venerd\u00EC|sabato",
                        "dom|lun|mar|mer|gio|ven|sab"));
        // es-PE: Kendo UI kendo.culture.es-PE.js.
        add(new Culture.Builder("es-PE")
                .currency("S/", "$n", "-$n")
                .percent("n %", "-n %")
                .dates("d/MM/yyyy", "dddd, d 'de' MMMM 'de' yyyy", "d 'de' MMMM", "MMMM 'de' yyyy")
                .times("HH:mm", "HH:mm:ss", "a. m.", "p. m.")
                .months("Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Setiembre|Octubre|Noviembre|Diciembre",
                        "Ene.|Feb.|Mar.|Abr.|May.|Jun.|Jul.|Ago.|Set.|Oct.|Nov.|Dic.")
                .days("domingo|lunes|martes|mi\u00E9rcoles|jueves|viernes|s\u00E1bado",
                        "dom.|lun.|mar.|mi\u00E9.|jue.|vie.|s\u00E1b."));
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
