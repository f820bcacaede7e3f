package io.pgha.templating;

/**
 * A template or expression could not be rendered: an undefined variable, a syntax error or a
 * failing filter. The message names the cause and where the template comes from.
 */
public class TemplateException extends Exception {
    public TemplateException(String message) {
        super(message);
    }
}
