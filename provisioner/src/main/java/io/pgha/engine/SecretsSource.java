package io.pgha.engine;

import java.util.Collection;
import java.util.Map;

/** Where the run's generated secrets come from (the secrets file beside the inventory). */
@FunctionalInterface
public interface SecretsSource {

    /**
     * @param dryRun read only: report missing secrets with placeholder values, write nothing
     * @return secret name to value for every requested name
     */
    Map<String, String> load(Collection<String> names, boolean dryRun) throws BadInputException;

    static SecretsSource none() {
        return (names, dryRun) -> Map.of();
    }
}
