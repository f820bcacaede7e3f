package io.pgha.yaml;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence as a plain list, which also remembers the file and the line of each element. */
public final class YamlList extends ArrayList<Object> {
    private final String file;
    private final int line;
    private final List<Integer> lines = new ArrayList<>();

    public YamlList(String file, int line) {
        this.file = file;
        this.line = line;
    }

    void addLocated(Object value, int elementLine) {
        add(value);
        lines.add(elementLine);
    }

    public String file() {
        return file;
    }

    /** 1-based line where the sequence starts. */
    public int line() {
        return line;
    }

    /** 1-based line of the element at {@code index}. */
    public int line(int index) {
        return index >= 0 && index < lines.size() ? lines.get(index) : line;
    }
}
