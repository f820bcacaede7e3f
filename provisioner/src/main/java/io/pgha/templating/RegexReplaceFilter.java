package io.pgha.templating;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.lib.filter.Filter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's {@code regex_replace(pattern, replacement)}. Jinjava ships a filter of that name with
 * Java's {@code $1} references; Ansible users write Python's {@code \1} and {@code \g<name>}, so
 * this one reads those and treats {@code $} literally.
 */
final class RegexReplaceFilter implements Filter {
    private static final Pattern PYTHON_GROUP_REF = Pattern.compile("\\\\(\\d+)|\\\\g<(\\w+)>");

    @Override
    public String getName() {
        return "regex_replace";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        if (args.length < 1 || args.length > 2) {
            throw new TemplateSyntaxException(interpreter, getName(), "takes a pattern and a replacement");
        }
        String replacement = args.length == 2 ? args[1] : "";
        try {
            return Pattern.compile(args[0]).matcher(value == null ? "" : value.toString())
                    .replaceAll(javaReplacement(replacement));
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new TemplateSyntaxException(interpreter, getName(), "regex_replace('" + args[0] + "'): " + e.getMessage());
        }
    }

    static String javaReplacement(String python) {
        Matcher m = PYTHON_GROUP_REF.matcher(python);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(Matcher.quoteReplacement(python.substring(last, m.start())));
            out.append(m.group(1) != null ? "$" + m.group(1) : "${" + m.group(2) + "}");
            last = m.end();
        }
        out.append(Matcher.quoteReplacement(python.substring(last)));
        return out.toString();
    }
}
