package io.pgha.operations;

/** A file's wanted content and attributes. */
record DesiredFile(FileSpec spec, byte[] content) {
}
