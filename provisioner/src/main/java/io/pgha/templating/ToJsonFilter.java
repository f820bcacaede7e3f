package io.pgha.templating;

import com.fasterxml.jackson.jr.ob.JSON;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.filter.Filter;

import java.io.IOException;

/** Ansible's {@code to_json}: the value as compact JSON. */
final class ToJsonFilter implements Filter {

    @Override
    public String getName() {
        return "to_json";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        try {
            return JSON.std.asString(Values.plain(value));
        } catch (IOException e) {
            throw new TemplateSyntaxException(interpreter, getName(), "cannot write as JSON: " + e.getMessage());
        }
    }
}
