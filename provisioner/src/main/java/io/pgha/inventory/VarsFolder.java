package io.pgha.inventory;

import io.pgha.yaml.NumericPitfalls;
import io.pgha.yaml.Problem;
import io.pgha.yaml.YamlException;
import io.pgha.yaml.YamlMap;
import io.pgha.yaml.YamlReader;
import io.pgha.yaml.Suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ansible's {@code group_vars/} or {@code host_vars/} folder beside the inventory: {@code NAME.yml},
 * {@code NAME.yaml}, {@code NAME.json}, {@code NAME} or a folder {@code NAME/} whose files are read in name order.
 * A file for a group or host that the inventory does not define is refused (usually a typo).
 */
final class VarsFolder {
    private VarsFolder() {
    }

    /** Name → variable layers in reading order; empty when the folder does not exist. */
    static Map<String, List<YamlMap>> read(Path folder, Collection<String> knownNames, String kind)
            throws InventoryException {
        Map<String, List<YamlMap>> layers = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return layers;
        }
        for (Path entry : sorted(folder)) {
            String name = nameOf(entry);
            if (name == null) {
                continue;
            }
            if (!knownNames.contains(name)) {
                throw new InventoryException(Problem.at(entry.toString(), 0, null,
                        "no " + kind + " named '" + name + "' in the inventory",
                        Suggest.closest(name, knownNames)
                                .map(s -> "rename it to match the " + kind + " '" + s + "'")
                                .orElse("rename it after one of the inventory's " + kind + "s, or remove it")));
            }
            List<YamlMap> target = layers.computeIfAbsent(name, n -> new ArrayList<>());
            if (Files.isDirectory(entry)) {
                for (Path file : sorted(entry)) {
                    if (nameOf(file) != null && Files.isRegularFile(file)) {
                        target.add(readVars(file));
                    }
                }
            } else {
                target.add(readVars(entry));
            }
        }
        return layers;
    }

    private static YamlMap readVars(Path file) throws InventoryException {
        try {
            Object content = YamlReader.read(file);
            if (content == null) {
                return new YamlMap(file.toString(), 1);
            }
            if (!(content instanceof YamlMap vars)) {
                throw new InventoryException(Problem.at(file.toString(), 1, null,
                        "a vars file must be a mapping, not " + GroupTree.describe(content),
                        "write one 'name: value' per line"));
            }
            NumericPitfalls.checkVersions(vars);
            return vars;
        } catch (YamlException e) {
            throw new InventoryException(e);
        }
    }

    /** The group or host name a folder entry stands for, or null for files Ansible also ignores. */
    private static String nameOf(Path entry) {
        String file = entry.getFileName().toString();
        if (file.startsWith(".") || file.endsWith("~")) {
            return null;
        }
        if (Files.isDirectory(entry)) {
            return file;
        }
        for (String extension : List.of(".yml", ".yaml", ".json")) {
            if (file.endsWith(extension)) {
                return file.substring(0, file.length() - extension.length());
            }
        }
        return file.contains(".") ? null : file;
    }

    private static List<Path> sorted(Path folder) throws InventoryException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new InventoryException(Problem.at(folder.toString(), 0, null, "cannot list: " + e.getMessage(),
                    "check the folder's permissions"));
        }
    }
}
