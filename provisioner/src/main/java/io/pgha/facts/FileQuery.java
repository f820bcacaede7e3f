package io.pgha.facts;

/**
 * What {@link FilesFact} should learn about one file.
 *
 * @param expectedSha256 the digest the module wants; the content is fetched only if it differs
 *                       (null: never fetch unless {@code alwaysFetch})
 * @param alwaysFetch    fetch the content whatever its digest (modules that edit a file in place)
 */
public record FileQuery(String path, String expectedSha256, boolean alwaysFetch) {

    public static FileQuery compareWith(String path, String expectedSha256) {
        return new FileQuery(path, expectedSha256, false);
    }

    public static FileQuery fetch(String path) {
        return new FileQuery(path, null, true);
    }
}
