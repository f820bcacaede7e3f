package io.pgha.templating;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Ansible's {@code to_yaml}, in block style (the readable form config files want), with the
 * same YAML 1.2 library pgha reads its own files with; the trailing newline is dropped so the
 * filter composes with {@code indent}.
 */
final class ToYamlFilter implements Filter {
    private static final DumpSettings SETTINGS = DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setWidth(Integer.MAX_VALUE)
            .build();

    @Override
    public String getName() {
        return "to_yaml";
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return new Dump(SETTINGS).dumpToString(Values.plain(value)).stripTrailing();
    }
}
