package io.pgha.operations;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.RepresentToNode;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Serialises a data model to block-style YAML with snakeyaml-engine. Key order is the order
 * given (maps without an order are sorted), so the same data always gives the same bytes and
 * a re-run changes nothing. Strings that a YAML 1.1 reader (PyYAML, which Patroni uses) would
 * take for a boolean, number, date or null are double-quoted.
 */
final class YamlWriter {
    static final String HEADER = "# Managed by pgha: local changes are overwritten.\n";

    /** PyYAML's implicit resolvers (YAML 1.1): bool, int, float, null, timestamp, merge, value. */
    private static final Pattern YAML11_NON_STRING = Pattern.compile(String.join("|",
            "[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
            "[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                    + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
            "~|null|Null|NULL|",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*",
            "<<|="));

    private YamlWriter() {
    }

    static String write(Map<String, ?> data) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(4096)
                .setSplitLines(false)
                .setDereferenceAliases(true)
                .build();
        return HEADER + new Dump(settings, new Yaml11SafeRepresenter(settings)).dumpToString(ordered(data));
    }

    /** Copies the model with a stable key order at every level. */
    private static Object ordered(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> source = map instanceof LinkedHashMap || map instanceof SortedMap
                    ? new LinkedHashMap<>(map) : new TreeMap<>(stringKeys(map));
            Map<Object, Object> copy = new LinkedHashMap<>();
            source.forEach((k, v) -> copy.put(k, ordered(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(ordered(v)));
            return copy;
        }
        return value;
    }

    private static Map<Object, Object> stringKeys(Map<?, ?> map) {
        Map<Object, Object> copy = new TreeMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static final class Yaml11SafeRepresenter extends StandardRepresenter {
        Yaml11SafeRepresenter(DumpSettings settings) {
            super(settings);
            RepresentToNode standard = representers.get(String.class);
            representers.put(String.class, data -> YAML11_NON_STRING.matcher((String) data).matches()
                    ? representScalar(Tag.STR, (String) data, ScalarStyle.DOUBLE_QUOTED)
                    : standard.representData(data));
        }
    }
}
