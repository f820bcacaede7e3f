package io.pgha.transport;

import java.util.Objects;

/**
 * Where and how an uploaded file lands.
 *
 * @param path     absolute path on the host
 * @param mode     octal mode such as {@code "0640"}
 * @param owner    owner user name, or null to keep root (with become) / the login user
 * @param group    group name, or null for the owner's group
 * @param become   write it as root through {@code sudo -n}
 * @param validate optional command run against the temporary file before it replaces the
 *                 target; {@code %s} in it is replaced by the (quoted) temporary path
 */
public record RemoteFile(String path, String mode, String owner, String group, boolean become, String validate) {

    public RemoteFile {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("remote path must be absolute: " + path);
        }
        if (mode == null) {
            mode = "0644";
        }
    }
}
