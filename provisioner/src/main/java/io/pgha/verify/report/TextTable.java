package io.pgha.verify.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns, as `patronictl list` prints it. */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
        return this;
    }

    public String render() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], i < r.size() ? r.get(i).length() : 0);
            }
        }
        StringBuilder sb = new StringBuilder();
        String rule = rule(width);
        sb.append(rule).append(line(header, width)).append(rule);
        for (List<String> r : rows) {
            sb.append(line(r, width));
        }
        return sb.append(rule).toString();
    }

    private static String rule(int[] width) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : width) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.append('\n').toString();
    }

    private static String line(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < width.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            sb.append(' ').append(c).append(" ".repeat(width[i] - c.length())).append(" |");
        }
        return sb.append('\n').toString();
    }
}
