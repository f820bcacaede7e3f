package io.pgha.facts;

/**
 * One existing path as seen by {@code stat} (links are not followed).
 *
 * @param mode       permission bits, e.g. {@code 0640} (octal literal)
 * @param linkTarget where a symbolic link points, else null
 */
public record PathStat(PathType type, String owner, String group, int mode, String linkTarget) {
}
