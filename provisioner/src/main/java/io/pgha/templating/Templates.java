package io.pgha.templating;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.InvalidArgumentException;
import com.hubspot.jinjava.interpret.InvalidInputException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.util.ObjectTruthValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja-like rendering for roles (Jinjava underneath), strict about undefined variables: a
 * template that names a variable the host does not have is an error, never an empty string.
 *
 * <p>Every method takes {@code where}, a short description of the template's origin (e.g.
 * {@code task 'Write config' (roles/patroni/tasks.yml:12)}) that ends up in error messages.
 * Thread-safe: one instance serves all host workers.
 */
public final class Templates {
    /** A string that is one expression and nothing else keeps the expression's type. */
    private static final Pattern SINGLE_EXPRESSION = Pattern.compile("^\\s*\\{\\{(.*)}}\\s*$", Pattern.DOTALL);
    private static final String UNKNOWN_TOKEN = "Unknown token found: ";
    private static final Pattern EXCEPTION_CLASS = Pattern.compile("^(?:[a-z0-9_]+\\.)+[A-Z]\\w*(?:Exception|Error): ");

    private final Jinjava jinjava;
    private final JinjavaConfig config;
    /**
     * The parent of every render's context. Jinjava's own render methods copy its global context each time, and
     * a copy instantiates every filter, test, tag and function by reflection: a fifth of a no-change re-run's
     * Jinja time. One copy per thread (a render reports what it resolved up to its parents, so a copy is not
     * shared between threads) costs that once.
     */
    private final ThreadLocal<Context> globals;

    public Templates() {
        config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true) // as Ansible's template module: a block tag eats its newline
                .build();
        jinjava = new Jinjava(config);
        for (Filter filter : List.of(new ToJsonFilter(), new ToYamlFilter(), new ShellQuoteFilter(),
                new RegexReplaceFilter())) {
            jinjava.getGlobalContext().registerFilter(filter);
        }
        for (Filter filter : List.copyOf(jinjava.getGlobalContext().getAllFilters())) {
            if (!DefinedInputFilter.FOR_MISSING_VALUES.contains(filter.getName())) {
                jinjava.getGlobalContext().registerFilter(new DefinedInputFilter(filter));
            }
        }
        globals = ThreadLocal.withInitial(jinjava::getGlobalContextCopy);
    }

    /** A fresh interpreter over the variables, its context a child of this thread's copy of the globals. */
    private JinjavaInterpreter interpreter(Map<String, ?> vars) {
        Context parent = globals.get();
        parent.reset(); // forget what earlier renders resolved
        return config.getInterpreterFactory().newInstance(jinjava, new Context(parent, vars, config.getDisabled()), config);
    }

    /** What {@link Jinjava#renderForResult} does, with {@link #interpreter}: no error escapes, each is in the result. */
    private RenderResult renderForResult(String template, Map<String, ?> vars) {
        JinjavaInterpreter interpreter = interpreter(vars);
        JinjavaInterpreter.pushCurrent(interpreter);
        TemplateError error;
        try {
            return new RenderResult(interpreter.render(template), interpreter.getContext(), interpreter.getErrorsCopy());
        } catch (TemplateSyntaxException e) {
            error = TemplateError.fromException(e);
        } catch (InterpretException e) {
            error = TemplateError.fromSyntaxError(e);
        } catch (InvalidArgumentException e) {
            error = TemplateError.fromInvalidArgumentException(e);
        } catch (InvalidInputException e) {
            error = TemplateError.fromInvalidInputException(e);
        } catch (RuntimeException e) {
            error = TemplateError.fromException(e);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        return new RenderResult(error, interpreter.getContext(), interpreter.getErrorsCopy());
    }

    /** Renders a template string to text. */
    public String render(String template, Map<String, ?> vars, String where) throws TemplateException {
        RenderResult result = renderForResult(template, vars);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new TemplateException(describe(error) + lineSuffix(template, error.getLineno()) + " in " + where);
            }
        }
        return result.getOutput();
    }

    /** Renders a template file (UTF-8); errors name the file and line. */
    public String renderFile(Path file, Map<String, ?> vars) throws TemplateException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException("cannot read template " + file + ": " + e.getMessage());
        }
        RenderResult result = renderForResult(text, vars);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new TemplateException(describe(error) + " in " + file + ":" + Math.max(1, error.getLineno()));
            }
        }
        return result.getOutput();
    }

    /** Evaluates a bare expression (no braces) to its value, keeping its type. */
    public Object evaluate(String expression, Map<String, ?> vars, String where) throws TemplateException {
        JinjavaInterpreter interpreter = interpreter(vars);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object value = interpreter.resolveELExpression(expression, 1);
            for (TemplateError error : interpreter.getErrors()) {
                if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                    throw new TemplateException(describe(error) + " in expression '" + expression.strip() + "' of " + where);
                }
            }
            return Values.plain(value);
        } catch (UnknownTokenException e) {
            throw new TemplateException(undefined(e.getToken()) + " in expression '" + expression.strip() + "' of " + where);
        } catch (InterpretException e) {
            throw new TemplateException(e.getMessage() + " in expression '" + expression.strip() + "' of " + where);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /**
     * Evaluates a {@code when}-style condition. Braces around the whole expression are tolerated
     * (Ansible users write both forms); truthiness follows Jinja (empty string/list, 0, none are false).
     */
    public boolean test(String condition, Map<String, ?> vars, String where) throws TemplateException {
        Matcher single = SINGLE_EXPRESSION.matcher(condition);
        String expression = single.matches() && isOneExpression(single.group(1)) ? single.group(1) : condition;
        return ObjectTruthValue.evaluate(evaluate(expression, vars, where));
    }

    /**
     * Renders every string inside maps and lists. A string that is exactly one {@code {{ expr }}}
     * becomes the expression's value (so {@code "{{ groups['etcd'] }}"} is a list); other strings
     * are rendered to text. Keys are left as written.
     */
    public Object renderValue(Object value, Map<String, ?> vars, String where) throws TemplateException {
        if (value instanceof String text) {
            return renderString(text, vars, where);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> rendered = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                rendered.put(String.valueOf(entry.getKey()), renderValue(entry.getValue(), vars, where));
            }
            return rendered;
        }
        if (value instanceof List<?> list) {
            List<Object> rendered = new ArrayList<>(list.size());
            for (Object element : list) {
                rendered.add(renderValue(element, vars, where));
            }
            return rendered;
        }
        return value;
    }

    /** {@link #renderValue} for a task's argument map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> renderArgs(Map<String, ?> args, Map<String, ?> vars, String where) throws TemplateException {
        return (Map<String, Object>) renderValue(args, vars, where);
    }

    /** Whether a value holds template syntax anywhere (strings inside maps and lists included). */
    public static boolean isTemplated(Object value) {
        if (value instanceof String text) {
            return text.contains("{{") || text.contains("{%");
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(Templates::isTemplated);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(Templates::isTemplated);
        }
        return false;
    }

    private Object renderString(String text, Map<String, ?> vars, String where) throws TemplateException {
        if (!text.contains("{{") && !text.contains("{%")) {
            return text;
        }
        Matcher single = SINGLE_EXPRESSION.matcher(text);
        if (single.matches() && isOneExpression(single.group(1))) {
            return evaluate(single.group(1), vars, where);
        }
        return render(text, vars, where);
    }

    private static boolean isOneExpression(String inner) {
        return !inner.contains("{{") && !inner.contains("}}") && !inner.contains("{%");
    }

    private static String describe(TemplateError error) {
        String message = error.getMessage() == null ? String.valueOf(error.getReason()) : error.getMessage();
        // An exception thrown inside an expression arrives as its toString(): the class name says nothing to a user.
        message = EXCEPTION_CLASS.matcher(message).replaceFirst("");
        int unknown = message.indexOf(UNKNOWN_TOKEN);
        if (unknown >= 0) {
            return undefined(message.substring(unknown + UNKNOWN_TOKEN.length()).strip());
        }
        return message;
    }

    private static String undefined(String token) {
        return "undefined variable '" + token + "'";
    }

    private static String lineSuffix(String template, int line) {
        return template.contains("\n") && line > 0 ? " (template line " + line + ")" : "";
    }
}
