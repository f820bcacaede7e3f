package io.pgha.facts;

/**
 * A file that a module manages, as found on the host.
 *
 * @param exists        a regular file (or a link to one) is at the path
 * @param otherType     stat's type when something that is not a regular file is there, else null
 * @param modified      last modification, in whole seconds since the epoch (0 when there is no regular file)
 * @param sha256        hex digest of the current content, when it exists
 * @param content       current content, fetched only when it differs from the expected digest
 *                      (for diffs) or when asked for; null otherwise
 * @param parentExists  whether the containing directory exists
 */
public record FileState(String path, boolean exists, String otherType, String owner, String group, int mode,
                        long modified, String sha256, byte[] content, boolean parentExists) {

    public static FileState absent(String path, boolean parentExists) {
        return new FileState(path, false, null, null, null, 0, 0, null, null, parentExists);
    }
}
