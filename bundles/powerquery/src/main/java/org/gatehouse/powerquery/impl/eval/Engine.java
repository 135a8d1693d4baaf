package org.gatehouse.powerquery.impl.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * One evaluation context: the standard library bound to a data access, plus the sections of a section document.
 * Shared members are visible by name everywhere, through {@code #shared} and through {@code #sections}; every member
 * is visible inside its own section and, qualified, as {@code Section!Member}.
 */
public final class Engine {

    private final Library library;
    private final Env globals = new Env(null);
    /** Every loaded member in document order, qualified by its section. */
    private final List<String> qualifiedNames = new ArrayList<>();
    private final List<String> memberNames = new ArrayList<>();
    private final List<Thunk> memberValues = new ArrayList<>();
    private final Map<String, List<Integer>> sections = new LinkedHashMap<>();
    private final Map<String, Thunk> shared = new LinkedHashMap<>();

    public Engine(DataAccess access) {
        this.library = new Library(access);
        for (Map.Entry<String, Object> e : library.globals().entrySet()) {
            globals.define(e.getKey(), Thunk.of(e.getValue()));
        }
        globals.define("#shared", new Thunk(this::shared));
        globals.define("#sections", new Thunk(this::sections));
    }

    private MRecord shared() {
        List<String> all = new ArrayList<>(shared.keySet());
        List<Object> allSlots = new ArrayList<>(shared.values());
        for (Map.Entry<String, Object> e : library.globals().entrySet()) {
            if (!e.getKey().startsWith("#") && !shared.containsKey(e.getKey())) {
                all.add(e.getKey());
                allSlots.add(e.getValue());
            }
        }
        return new MRecord(all, allSlots);
    }

    private MRecord sections() {
        List<String> names = new ArrayList<>(sections.keySet());
        List<Object> records = new ArrayList<>();
        for (List<Integer> members : sections.values()) {
            List<String> fields = new ArrayList<>();
            List<Object> slots = new ArrayList<>();
            for (int i : members) {
                fields.add(memberNames.get(i));
                slots.add(memberValues.get(i));
            }
            records.add(new MRecord(fields, slots));
        }
        return new MRecord(names, records);
    }

    /** Loads a section document; its members become lazily evaluated values. */
    public void loadSection(String document) {
        for (Expr.Section section : Parser.parseSections(document)) {
            load(section);
        }
    }

    private void load(Expr.Section section) {
        String name = section.name() != null ? section.name() : "Section1";
        Env scope = new Env(globals); // the section's own members shadow shared ones of other sections
        for (Expr.SectionMember m : section.members()) {
            Thunk t = new Thunk(() -> Evaluator.eval(m.value(), scope));
            scope.define(m.name(), t);
            globals.define(name + "!" + m.name(), t);
            if (m.shared()) {
                share(m.name(), t);
            }
            sections.computeIfAbsent(name, k -> new ArrayList<>()).add(memberNames.size());
            qualifiedNames.add(name + "!" + m.name());
            memberNames.add(m.name());
            memberValues.add(t);
        }
    }

    /** A name shared by two sections is ambiguous: reading it is an error, the qualified names still work. */
    private void share(String name, Thunk t) {
        if (shared.containsKey(name)) {
            Thunk ambiguous = new Thunk(() -> {
                throw Errors.expression("The shared member '" + name + "' has multiple definitions.");
            });
            shared.put(name, ambiguous);
            globals.define(name, ambiguous);
            return;
        }
        shared.put(name, t);
        globals.define(name, t);
    }

    public List<String> memberNames() {
        return memberNames;
    }

    /** The value of a loaded section member (may carry metadata); the first section defining the name wins. */
    public Object member(String name) {
        int i = memberNames.indexOf(name);
        if (i < 0) {
            throw Errors.expression("The section has no member named '" + name + "'.");
        }
        return globals.lookup(qualifiedNames.get(i)).raw();
    }

    /** Evaluates one expression document in the global scope (library plus shared section members). */
    public Object evaluate(String expression) {
        return Evaluator.eval(Parser.parseExpression(expression), globals);
    }
}
