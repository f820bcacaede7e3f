package io.pgha.yaml;

import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one YAML 1.2 file (core schema: {@code yes} stays a string, {@code ~} and empty values are null) into
 * {@link YamlMap}, {@link YamlList}, String, Boolean, Integer/Long/BigInteger, Double or null, keeping lines.
 * Duplicate keys, custom tags and non-scalar keys are refused.
 */
public final class YamlReader {
    private static final Schema SCHEMA = new CoreSchema();
    private static final Map<Tag, ConstructNode> SCALARS = SCHEMA.getSchemaTagConstructors();

    private YamlReader() {
    }

    /** The document of {@code file}, or null when it is empty. Messages name the file as {@code file.toString()}. */
    public static Object read(Path file) throws YamlException {
        String name = file.toString();
        Node root;
        try (Reader reader = Files.newBufferedReader(file)) {
            LoadSettings settings = LoadSettings.builder().setLabel(name).setSchema(SCHEMA).build();
            Optional<Node> document = new Compose(settings).composeReader(reader);
            if (document.isEmpty()) {
                return null;
            }
            root = document.get();
        } catch (NoSuchFileException e) {
            throw new YamlException(Problem.at(name, 0, null, "file not found", "check the path"));
        } catch (CharacterCodingException e) {
            throw new YamlException(Problem.at(name, 0, null, "not UTF-8 text", "save the file as UTF-8"));
        } catch (IOException e) {
            throw new YamlException(Problem.at(name, 0, null, "cannot read: " + e.getMessage(),
                    "check that the file exists and is readable"));
        } catch (MarkedYamlEngineException e) {
            throw new YamlException(SyntaxHints.problem(name, e));
        } catch (YamlEngineException e) {
            throw new YamlException(Problem.at(name, 0, null, "invalid YAML: " + e.getMessage(),
                    "check indentation and quoting"));
        }
        return new Converter(name).value(root);
    }

    /** Turns a composed node tree into plain Java values, remembering lines. */
    private static final class Converter {
        private final String file;

        Converter(String file) {
            this.file = file;
        }

        Object value(Node node) throws YamlException {
            if (node.isRecursive()) {
                throw new YamlException(problem(node, null, "a recursive alias",
                        "write the structure out instead of referring to itself"));
            }
            if (node instanceof MappingNode mapping) {
                return map(mapping);
            }
            if (node instanceof SequenceNode sequence) {
                YamlList list = new YamlList(file, line(node));
                for (Node element : sequence.getValue()) {
                    list.addLocated(value(element), line(element));
                }
                return list;
            }
            return scalar((ScalarNode) node);
        }

        private YamlMap map(MappingNode mapping) throws YamlException {
            YamlMap map = new YamlMap(file, line(mapping));
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    throw new YamlException(problem(tuple.getKeyNode(), null, "a key that is a list or a map",
                            "keys must be plain words; check for a missing indentation or a stray '?'"));
                }
                String key = keyNode.getValue();
                if (map.containsKey(key)) {
                    throw new YamlException(problem(keyNode, key,
                            "duplicate key (first defined at line " + map.line(key) + ")",
                            "keep only one of them; YAML mappings cannot repeat a key"));
                }
                Node valueNode = tuple.getValueNode();
                String text = valueNode instanceof ScalarNode scalar ? scalar.getValue() : null;
                map.putLocated(key, value(valueNode), line(keyNode), text);
            }
            return map;
        }

        private Object scalar(ScalarNode node) throws YamlException {
            if (node.getTag().equals(Tag.STR)) {
                return node.getValue();
            }
            ConstructNode constructor = SCALARS.get(node.getTag());
            if (constructor == null) {
                String tag = node.getTag().getValue();
                String hint = tag.contains("vault")
                        ? "pgha does not decrypt Ansible Vault; keep secrets in pgha-secrets.yml (see docs/inventory.md)"
                        : "remove the tag, or quote the value to make it a string";
                throw new YamlException(problem(node, null, "unsupported tag " + tag, hint));
            }
            try {
                return constructor.construct(node);
            } catch (YamlEngineException e) {
                throw new YamlException(problem(node, null, "cannot read '" + node.getValue() + "': " + e.getMessage(),
                        "quote the value to make it a string"));
            }
        }

        private Problem problem(Node node, String key, String what, String hint) {
            Mark mark = node.getStartMark().orElse(null);
            return new Problem(file, mark == null ? 0 : mark.getLine() + 1, mark == null || key != null ? 0 : mark.getColumn() + 1,
                    key, what, hint);
        }

        private static int line(Node node) {
            return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
        }
    }
}
