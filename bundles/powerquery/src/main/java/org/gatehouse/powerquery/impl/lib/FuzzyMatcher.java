package org.gatehouse.powerquery.impl.lib;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.MTable;
import org.gatehouse.powerquery.impl.value.Thunk;
import org.gatehouse.powerquery.impl.value.Values;

/**
 * The similarity score behind Table.FuzzyJoin, Table.FuzzyNestedJoin, Table.FuzzyGroup and Table.AddFuzzyClusterColumn,
 * and the options they share.
 *
 * <p>Power Query documents its fuzzy matching only as "Jaccard similarity" over tokenized values (the Fuzzy Lookup
 * technology: a record becomes a set of word tokens, compared by weighted Jaccard similarity, where tokens may match
 * approximately through edit transformations, and a transformation table or combined text parts cost a fixed 0.05). The
 * exact token weights are not published, so the score here is that scheme with each token weighted by its length:
 * <ul>
 * <li>a value is lower-cased with the culture (IgnoreCase) and split into word tokens at every character that is not a
 * letter or digit, so that punctuation and word order make no difference, as the documentation says;</li>
 * <li>tokens of the two values are paired greedily, the most similar pair first, a pair sharing
 * {@code |x| + |y| - editDistance(x, y)} characters (Levenshtein distance), or none when that is no more than half of
 * them (so that words with nothing in common but their length do not count);</li>
 * <li>the score is the characters shared by the pairs over all the characters of both token sets: 1 only for equal
 * token sets, and for single words {@code 1 - distance / (|x| + |y|)}.</li>
 * </ul>
 * This reproduces the outcome of every documented example but one: the reference pages' Bob/bOB join (1, and
 * Robert/Bob 0.56 below 0.80) and Seattle/seattl/Seatle (0.92) and Vancouver/vancover (0.94) clusters, Seattle against
 * Vancouver 0; the fuzzy merge article's survey (Aple 0.89, watermln 0.89, watermleon 0.90, Bannans 0.85 matched at
 * 0.80, Pineapple/Apple 0.71 not, "Water melon" through combined parts at 0.95, "apls" unmatched at 0.78 until the
 * transformation table maps it at 0.95); the cluster article's people (migueeel 0.86 and billy 0.89 clustered, mike 0.70
 * and Bill/William 0.64 not; with the transformation table mike and Bill at exactly 0.95); the fruit clusters' sples
 * (0.82), 4ppl3s (0.83) and Banas (0.83) at 0.80; "M 365" against "M365" kept apart (0.75). The exception: the option
 * text says "Graes" matches "Grapes" only below a 0.90 threshold, which no length-based score can square with the
 * screenshot's 0.91 for Aple/Apple (the same single deletion in a shorter word); here Graes scores 10/11 = 0.91.
 * Plain character Jaccard, q-gram Jaccard or Dice and distance over the longer length each break several outcomes
 * (q-grams put seattl/Seattle and 4ppl3s/Apples below 0.80, distance over the longer length puts migueeel and sples
 * below it). The screenshots' two-decimal scores (0.91 for sples, 0.88 for migueeel...) come from Microsoft's undisclosed
 * token weights and are not reproduced digit for digit, nor are the sentence-long survey answers, which the screenshots
 * score higher (0.54 to 0.75) than length weights do, nor Apples/Bananas and Blueberries/Strawberries staying apart at
 * a 0.50 threshold (0.62 and 0.78 here).
 */
final class FuzzyMatcher {

    /** The score a transformation-table mapping or a combination of text parts can reach at most (documented). */
    static final double TRANSFORMED_MAXIMUM = 0.95;

    final double threshold;
    final boolean ignoreCase;
    final boolean ignoreSpace;
    final Integer numberOfMatches;
    final String similarityColumn;
    private final Locale locale;
    private final List<String[][]> transformations = new ArrayList<>();

    FuzzyMatcher(MRecord options, String function) {
        Object t = Args.option(options, "Threshold");
        threshold = t == null ? 0.80 : Values.number(t);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw Errors.expression(function + ": the Threshold option must be a number between 0 and 1.");
        }
        Object c = Args.option(options, "IgnoreCase");
        ignoreCase = c == null || Values.logical(c);
        Object s = Args.option(options, "IgnoreSpace");
        ignoreSpace = s == null || Values.logical(s);
        Object n = Args.option(options, "NumberOfMatches");
        if (n != null) {
            double count = Values.number(n);
            if (count < 1 || count != Math.floor(count)) {
                throw Errors.expression(function + ": the NumberOfMatches option must be a positive whole number.");
            }
            numberOfMatches = (int) Math.min(count, Integer.MAX_VALUE);
        } else {
            numberOfMatches = null;
        }
        Object name = Args.option(options, "SimilarityColumnName");
        similarityColumn = name == null ? null : Values.text(name);
        Object requests = Args.option(options, "ConcurrentRequests");
        if (requests != null) {
            double r = Values.number(requests); // accepted and ignored: the matching runs on one thread
            if (r < 1 || r > 8) {
                throw Errors.expression(function + ": the ConcurrentRequests option must be a number between 1 and 8.");
            }
        }
        Object culture = Args.option(options, "Culture");
        String cultureName = culture == null ? "" : Values.text(culture);
        locale = cultureName.isEmpty() ? Locale.ROOT : Culture.of(cultureName).locale;
        Object table = Args.option(options, "TransformationTable");
        if (table != null) {
            MTable mappings = Values.table(table);
            int from = mappings.columns().indexOf("From"), to = mappings.columns().indexOf("To");
            // without From and To columns the table is not a transformation table, and nothing is mapped (documented)
            if (from >= 0 && to >= 0) {
                for (Object[] row : mappings.rows()) {
                    Object f = Thunk.force(row[from]), x = Thunk.force(row[to]);
                    if (f == null || x == null) {
                        continue;
                    }
                    Token[] fromTokens = tokens(Convert.toText(f)), toTokens = tokens(Convert.toText(x));
                    if (fromTokens.length > 0) {
                        transformations.add(new String[][] {texts(fromTokens), texts(toTokens)});
                    }
                }
            }
        }
    }

    /** One word of a value, and whether only white space separates it from the next word (IgnoreSpace joins those). */
    private record Token(String text, boolean spaceAfter) {
    }

    /** A row's key values prepared for scoring: per key column its tokens, and the transformed tokens if any mapping applies. */
    final class Key {
        final Object[] values;
        final boolean empty;
        private long length;
        private final Token[][] tokens;
        private final Token[][] transformed;

        Key(Object[] values) {
            this.values = values;
            tokens = new Token[values.length][];
            Token[][] mapped = new Token[values.length][];
            boolean allNull = true, anyMapped = false;
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                allNull &= v == null;
                tokens[i] = v == null ? new Token[0] : tokens(Convert.toText(v));
                length += length(tokens[i]);
                mapped[i] = transform(tokens[i]);
                anyMapped |= mapped[i] != tokens[i];
            }
            empty = allNull;
            transformed = anyMapped ? mapped : null;
        }
    }

    Key key(Object[] row, int[] columns) {
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = Thunk.force(row[columns[i]]);
        }
        return new Key(values);
    }

    /** The similarity of two keys, between 0 and 1; keys of nothing but nulls are similar to nothing. */
    double similarity(Key a, Key b) {
        if (a.empty || b.empty) {
            return 0;
        }
        double best = score(a.tokens, b.tokens, false);
        if (ignoreSpace && best < 1) {
            best = Math.max(best, Math.min(TRANSFORMED_MAXIMUM, score(a.tokens, b.tokens, true)));
        }
        if ((a.transformed != null || b.transformed != null) && best < TRANSFORMED_MAXIMUM) {
            Token[][] x = a.transformed != null ? a.transformed : a.tokens, y = b.transformed != null ? b.transformed : b.tokens;
            double mapped = score(x, y, false);
            if (ignoreSpace) {
                mapped = Math.max(mapped, score(x, y, true));
            }
            best = Math.max(best, Math.min(TRANSFORMED_MAXIMUM, mapped));
        }
        return best;
    }

    /**
     * Whether two keys can reach the threshold at all: without a transformation the shared characters are at most twice
     * the shorter side's, so values of very different lengths are passed over without pairing their words.
     */
    boolean mayMatch(Key a, Key b) {
        if (a.empty || b.empty) {
            return false;
        }
        if (a.transformed != null || b.transformed != null || a.length + b.length == 0) {
            return true;
        }
        return 2.0 * Math.min(a.length, b.length) / (a.length + b.length) >= threshold;
    }

    boolean matches(double similarity) {
        return similarity >= threshold;
    }

    /** Shared characters over all characters, summed over the key columns (a column's tokens pair only among themselves). */
    private static double score(Token[][] a, Token[][] b, boolean combine) {
        long shared = 0, total = 0;
        boolean changed = false;
        for (int c = 0; c < a.length; c++) {
            Token[] x = a[c], y = b[c];
            if (combine) {
                Token[] joinedX = combine(x, y);
                Token[] joinedY = combine(y, joinedX);
                changed |= joinedX != x || joinedY != y;
                x = joinedX;
                y = joinedY;
            }
            total += length(x) + length(y);
            shared += shared(x, y);
        }
        if (combine && !changed) {
            return 0;
        }
        return total == 0 ? 1 : (double) shared / total;
    }

    private static long length(Token[] tokens) {
        long n = 0;
        for (Token t : tokens) {
            n += t.text.length();
        }
        return n;
    }

    /** Greedy pairing: the pair sharing the largest part of its characters first, then the next among unpaired tokens. */
    private static long shared(Token[] x, Token[] y) {
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int n = x.length * y.length;
        long[] pairs = new long[n];
        int[] common = new int[n];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                int k = i * y.length + j;
                int lengths = x[i].text.length() + y[j].text.length();
                common[k] = lengths - distance(x[i].text, y[j].text);
                // order by the shared fraction descending, then by position: the fraction scaled to a sortable long
                long fraction = lengths == 0 ? 0 : (long) ((double) common[k] / lengths * 1_000_000_000L);
                pairs[k] = ((1_000_000_000L - fraction) << 24) | k;
            }
        }
        Arrays.sort(pairs);
        boolean[] usedX = new boolean[x.length], usedY = new boolean[y.length];
        long total = 0;
        for (long p : pairs) {
            int k = (int) (p & 0xFFFFFF);
            int i = k / y.length, j = k % y.length;
            int lengths = x[i].text.length() + y[j].text.length();
            if (usedX[i] || usedY[j] || 2 * common[k] <= lengths) {
                // words sharing no more than half their characters are unrelated: "abc" and "xyz" differ by three
                // substitutions, which would otherwise leave them half similar
                continue;
            }
            usedX[i] = true;
            usedY[j] = true;
            total += common[k];
        }
        return total;
    }

    /**
     * IgnoreSpace: words of letters only (two or more each) that white space separates are joined when the joined word
     * is closer to a word of the other value than either part ("Micro soft", "Water melon"); "M 365" stays two words.
     */
    private static Token[] combine(Token[] tokens, Token[] other) {
        if (tokens.length < 2 || other.length == 0) {
            return tokens;
        }
        List<Token> out = new ArrayList<>();
        boolean changed = false;
        Token current = tokens[0];
        for (int i = 1; i < tokens.length; i++) {
            Token next = tokens[i];
            if (current.spaceAfter && joinable(current.text) && joinable(next.text)) {
                String joined = current.text + next.text;
                double j = closest(joined, other);
                if (j >= 0.8 && j > closest(current.text, other) && j > closest(next.text, other)) {
                    current = new Token(joined, next.spaceAfter);
                    changed = true;
                    continue;
                }
            }
            out.add(current);
            current = next;
        }
        out.add(current);
        return changed ? out.toArray(Token[]::new) : tokens;
    }

    private static boolean joinable(String word) {
        if (word.length() < 2) {
            return false;
        }
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (!Character.isLetter(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static double closest(String word, Token[] other) {
        double best = 0;
        for (Token t : other) {
            int lengths = word.length() + t.text.length();
            best = Math.max(best, 1 - (double) distance(word, t.text) / lengths);
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions of UTF-16 units, each costing one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Words: runs of letters and digits, lower-cased with the culture when case is ignored. */
    private Token[] tokens(String text) {
        String s = ignoreCase ? SimpleCase.lower(text, locale) : text;
        List<Token> out = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            String word = s.substring(start, i);
            int end = i;
            boolean onlySpace = true;
            while (end < n && !Character.isLetterOrDigit(s.codePointAt(end))) {
                onlySpace &= Character.isWhitespace(s.codePointAt(end));
                end += Character.charCount(s.codePointAt(end));
            }
            out.add(new Token(word, onlySpace && end > i && end < n));
        }
        return out.toArray(Token[]::new);
    }

    private static String[] texts(Token[] tokens) {
        String[] out = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = tokens[i].text;
        }
        return out;
    }

    /** Every occurrence of a From word sequence replaced by its To words, the first mapping listed winning; the same array if none. */
    private Token[] transform(Token[] tokens) {
        if (transformations.isEmpty() || tokens.length == 0) {
            return tokens;
        }
        List<Token> out = new ArrayList<>();
        boolean changed = false;
        int i = 0;
        scan:
        while (i < tokens.length) {
            for (String[][] mapping : transformations) {
                String[] from = mapping[0];
                if (i + from.length <= tokens.length && sameWords(tokens, i, from)) {
                    for (String word : mapping[1]) {
                        out.add(new Token(word, true));
                    }
                    i += from.length;
                    changed = true;
                    continue scan;
                }
            }
            out.add(tokens[i++]);
        }
        return changed ? out.toArray(Token[]::new) : tokens;
    }

    private static boolean sameWords(Token[] tokens, int at, String[] words) {
        for (int k = 0; k < words.length; k++) {
            if (!tokens[at + k].text.equals(words[k])) {
                return false;
            }
        }
        return true;
    }
}
