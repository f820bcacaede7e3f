package io.pgha.facts;

/** What kind of thing a path is, as far as modules care. */
public enum PathType {
    FILE, DIRECTORY, LINK, OTHER;

    /** Maps stat's {@code %F} text ("regular empty file", "symbolic link", ...). */
    static PathType fromStat(String statType) {
        return switch (statType) {
            case "regular file", "regular empty file" -> FILE;
            case "directory" -> DIRECTORY;
            case "symbolic link" -> LINK;
            default -> OTHER;
        };
    }
}
