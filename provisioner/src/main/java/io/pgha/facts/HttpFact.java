package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.List;

/**
 * What one HTTP URL answers when the host asks it ({@code curl} on the host): status and body, or why there was
 * no answer. A service's health as its host sees it, without opening its ports to the machine pgha runs on.
 * Facts of this kind merge: the read-ahead asks one {@code curl} for every URL a host's tasks poll (curl runs the
 * transfers one after the other and reports each, whatever the others did).
 */
public final class HttpFact implements MergeableFact<HttpAnswer> {
    /** Seconds curl may spend on one URL (connection and answer). */
    static final int TIMEOUT_SECONDS = 5;
    /**
     * Ends each URL's body: curl writes it after every transfer, on a line of its own (a body holding this very
     * line would be misread; the health endpoints asked answer JSON or a word).
     */
    private static final String MARK = "\n@@pgha:http ";
    /** Status 000 when there was no answer; curl's exit code and error message (curl 7.75+) say why. */
    private static final String WRITE_OUT = "\\n@@pgha:http %{http_code} %{exitcode} %{errormsg}\\n";
    private static final int CURL_NOT_FOUND = 127;

    private static final Merger MERGER = facts -> {
        List<String> urls = facts.stream().map(f -> ((HttpFact) f).url).toList();
        return new MergedFact(command(urls), result -> new ArrayList<>(parse(urls, result)));
    };

    private final String url;

    public HttpFact(String url) {
        this.url = url;
    }

    public String url() {
        return url;
    }

    @Override
    public Merger merger() {
        return MERGER;
    }

    @Override
    public String command() {
        return command(List.of(url));
    }

    private static String command(List<String> urls) {
        return "curl -s -m " + TIMEOUT_SECONDS + " -w " + ShellQuote.quote(WRITE_OUT) + " -- " + ShellQuote.join(urls);
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public HttpAnswer parse(ExecResult result) throws FactException {
        return parse(List.of(url), result).get(0);
    }

    private static List<HttpAnswer> parse(List<String> urls, ExecResult result) throws FactException {
        if (result.exitCode() == CURL_NOT_FOUND) {
            throw new FactException("curl is not installed on the host (needed to ask " + String.join(", ", urls) + ")");
        }
        String out = result.stdout();
        List<HttpAnswer> answers = new ArrayList<>();
        int from = 0;
        for (String url : urls) {
            int mark = out.indexOf(MARK, from);
            int lineEnd = mark < 0 ? -1 : out.indexOf('\n', mark + MARK.length());
            if (lineEnd < 0) {
                throw new FactException("no answer from curl for " + url + ": " + result.errorText());
            }
            String body = out.substring(from, mark);
            String[] status = out.substring(mark + MARK.length(), lineEnd).split(" ", 3);
            int code;
            try {
                code = Integer.parseInt(status[0]);
            } catch (NumberFormatException e) {
                throw new FactException("cannot read curl's answer for " + url + ": '" + status[0] + "'");
            }
            String error = status.length > 2 ? status[2].strip() : "";
            answers.add(new HttpAnswer(code, body, code == 0 && error.isEmpty() ? "curl exit code " + status[1] : error));
            from = lineEnd + 1;
        }
        return answers;
    }
}
