package io.pgha.inventory;

import io.pgha.yaml.Problem;
import io.pgha.yaml.YamlMap;

/** Where a variable was set: a file and line, or the command line. Used to point errors at the right place. */
record Origin(String file, int line) {
    static final Origin COMMAND_LINE = new Origin("command line (-e)", 0);

    static Origin of(YamlMap map, String key) {
        return new Origin(map.file(), map.line(key));
    }

    Problem problem(String key, String what, String hint) {
        return Problem.at(file, line, key, what, hint);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
