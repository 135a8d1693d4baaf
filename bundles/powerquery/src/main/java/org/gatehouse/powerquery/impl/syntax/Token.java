package org.gatehouse.powerquery.impl.syntax;

/**
 * One token. {@code start}/{@code end} are offsets into the source so the parser can rebuild a generalized identifier
 * ({@code [Column Name = 1]}) with its inner spaces exactly as written.
 */
public record Token(TokenKind kind, String text, int start, int end, int line, int column) {

    public boolean is(TokenKind k, String t) {
        return kind == k && text.equals(t);
    }

    public boolean isOperator(String t) {
        return is(TokenKind.OPERATOR, t);
    }

    public boolean isKeyword(String t) {
        return is(TokenKind.KEYWORD, t);
    }
}
