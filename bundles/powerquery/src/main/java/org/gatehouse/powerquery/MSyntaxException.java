package org.gatehouse.powerquery;

/** M source that does not follow the grammar; line and column are 1-based. */
public class MSyntaxException extends MException {

    private final int line;
    private final int column;

    public MSyntaxException(String message, int line, int column) {
        super("Expression.SyntaxError", message + " (line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
