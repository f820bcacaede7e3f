package io.pgha.templating;

import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;

import java.util.Map;
import java.util.Set;

/**
 * A filter that refuses an undefined (or none) input, as Ansible's filters do. Jinjava's own give a value for
 * it ({@code missing | int} is 0, {@code missing | quote} is {@code ''}), so a misspelt variable behind a
 * filter would slip through the strict undefined check, which only sees an expression whose result is none.
 */
final class DefinedInputFilter implements Filter {
    /** The filters whose job is a missing value. */
    static final Set<String> FOR_MISSING_VALUES = Set.of("default", "d");

    private final Filter filter;

    DefinedInputFilter(Filter filter) {
        this.filter = filter;
    }

    @Override
    public String getName() {
        return filter.getName();
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return filter.filter(defined(value, interpreter), interpreter, args);
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        return filter.filter(defined(value, interpreter), interpreter, args, kwargs);
    }

    @Override
    public Object filter(SafeString value, JinjavaInterpreter interpreter, String... args) {
        return filter.filter(defined(value, interpreter), interpreter, args);
    }

    @Override
    public boolean preserveSafeString() {
        return filter.preserveSafeString();
    }

    private <T> T defined(T value, JinjavaInterpreter interpreter) {
        if (value == null) {
            throw new InterpretException("filter '" + getName() + "' was given an undefined variable (or none); "
                    + "check the name, or give a fallback with | default(...)", interpreter.getLineNumber());
        }
        return value;
    }
}
