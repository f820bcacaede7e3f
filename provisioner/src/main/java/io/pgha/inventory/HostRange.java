package io.pgha.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ansible host ranges: {@code pg[1:3]} is pg1, pg2, pg3; {@code db-[01:10:2]} keeps the zero padding; {@code [a:c]}. */
final class HostRange {
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+|[a-zA-Z]):([0-9]+|[a-zA-Z])(?::([0-9]+))?]");

    private HostRange() {
    }

    static boolean looksLikeRange(String name) {
        return name.contains("[") || name.contains("]");
    }

    /** The names a host key stands for, or null if it has brackets that are not a valid range. */
    static List<String> expand(String name) {
        Matcher matcher = RANGE.matcher(name);
        if (!matcher.find()) {
            return looksLikeRange(name) ? null : List.of(name);
        }
        String head = name.substring(0, matcher.start());
        List<String> tails = expand(name.substring(matcher.end()));
        List<String> middles = values(matcher.group(1), matcher.group(2), matcher.group(3));
        if (tails == null || middles == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String middle : middles) {
            for (String tail : tails) {
                names.add(head + middle + tail);
            }
        }
        return names;
    }

    private static List<String> values(String from, String to, String stepText) {
        int step = stepText == null ? 1 : Integer.parseInt(stepText);
        boolean numeric = Character.isDigit(from.charAt(0));
        if (step < 1 || numeric != Character.isDigit(to.charAt(0))) {
            return null;
        }
        List<String> values = new ArrayList<>();
        if (numeric) {
            int start = Integer.parseInt(from);
            int end = Integer.parseInt(to);
            String format = from.length() > 1 && from.startsWith("0") ? "%0" + from.length() + "d" : "%d";
            for (int i = start; i <= end; i += step) {
                values.add(String.format(format, i));
            }
        } else {
            for (char c = from.charAt(0); c <= to.charAt(0); c += (char) step) {
                values.add(String.valueOf(c));
            }
        }
        return values.isEmpty() ? null : values;
    }
}
