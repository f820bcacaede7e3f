package io.pgha.templating;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.pgha.transport.ShellQuote;

/** Ansible's {@code quote}: one word quoted for a POSIX shell, through pgha's one quoting helper. */
final class ShellQuoteFilter implements Filter {

    @Override
    public String getName() {
        return "quote";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return ShellQuote.quote(value == null ? "" : value.toString());
    }
}
