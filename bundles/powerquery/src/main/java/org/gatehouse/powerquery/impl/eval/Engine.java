package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gatehouse.powerquery.DataAccess;
import org.gatehouse.powerquery.impl.lib.Library;
import org.gatehouse.powerquery.impl.syntax.Expr;
import org.gatehouse.powerquery.impl.syntax.Parser;
import org.gatehouse.powerquery.impl.value.Errors;
import org.gatehouse.powerquery.impl.value.MRecord;
import org.gatehouse.powerquery.impl.value.Thunk;

/**
 * One evaluation context: the standard library bound to a data access, plus at most one section document whose
 * shared members are visible by name, through {@code #shared} and through {@code #sections}.
 */
public final class Engine {

    private final Library library;
    private final Env globals = new Env(null);
    private final List<String> memberNames = new ArrayList<>();
    private final List<Thunk> memberValues = new ArrayList<>();
    private String sectionName = "Section1";

    public Engine(DataAccess access) {
        this.library = new Library(access);
        for (Map.Entry<String, Object> e : library.globals().entrySet()) {
            globals.define(e.getKey(), Thunk.of(e.getValue()));
        }
        globals.define("#shared", new Thunk(this::shared));
        globals.define("#sections", new Thunk(() -> MRecord.of(sectionName, sectionRecord())));
    }

    private MRecord shared() {
        List<String> names = new ArrayList<>(library.globals().keySet());
        names.removeIf(n -> n.startsWith("#"));
        List<Object> slots = new ArrayList<>();
        for (String n : names) {
            slots.add(library.globals().get(n));
        }
        List<String> all = new ArrayList<>(memberNames);
        List<Object> allSlots = new ArrayList<>(memberValues);
        for (int i = 0; i < names.size(); i++) {
            if (!all.contains(names.get(i))) {
                all.add(names.get(i));
                allSlots.add(slots.get(i));
            }
        }
        return new MRecord(all, allSlots);
    }

    private MRecord sectionRecord() {
        return new MRecord(memberNames, memberValues);
    }

    /** Loads a section document; its members become lazily evaluated globals. */
    public void loadSection(String document) {
        Expr.Section section = Parser.parseSection(document);
        if (section.name() != null) {
            sectionName = section.name();
        }
        for (Expr.SectionMember m : section.members()) {
            Thunk t = new Thunk(() -> Evaluator.eval(m.value(), globals));
            globals.define(m.name(), t);
            globals.define(sectionName + "!" + m.name(), t);
            memberNames.add(m.name());
            memberValues.add(t);
        }
    }

    public List<String> memberNames() {
        return memberNames;
    }

    /** The value of a loaded section member (may carry metadata). */
    public Object member(String name) {
        if (!memberNames.contains(name)) {
            throw Errors.expression("The section has no member named '" + name + "'.");
        }
        return globals.lookup(name).raw();
    }

    /** Evaluates one expression document in the global scope (library plus loaded section members). */
    public Object evaluate(String expression) {
        return Evaluator.eval(Parser.parseExpression(expression), globals);
    }
}
