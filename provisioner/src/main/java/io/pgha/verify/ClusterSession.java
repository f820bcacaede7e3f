package io.pgha.verify;

import io.pgha.inventory.InventoryException;
import io.pgha.verify.cluster.ClusterLoader;
import io.pgha.verify.cluster.ClusterSpec;
import io.pgha.verify.cluster.ClusterSpecException;
import io.pgha.verify.probe.ClusterProbes;

import java.nio.file.Path;
import java.util.Map;

/** Entry for the commands: inventory + secrets to probes, with one kind of error for bad input. */
public final class ClusterSession {
    private ClusterSession() {
    }

    /** Bad inventory or secrets: the message says which file, key and what to do. */
    public static final class BadInput extends Exception {
        public BadInput(String message) {
            super(message);
        }
    }

    public static ClusterProbes open(Path inventory, Map<String, String> extraVars) throws BadInput {
        try {
            ClusterSpec spec = new ClusterLoader().load(inventory, extraVars);
            return new ClusterProbes(spec);
        } catch (InventoryException e) {
            throw new BadInput(e.getMessage());
        } catch (ClusterSpecException e) {
            throw new BadInput(e.getMessage());
        }
    }
}
