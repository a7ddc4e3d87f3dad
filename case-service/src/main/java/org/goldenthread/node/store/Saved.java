package org.goldenthread.node.store;

/**
 * The outcome of an idempotent save by the agency's own reference.
 *
 * @param id the record's stable node id (opaque; what the federation sees in provenance)
 * @param created true when the reference was new, false when an existing record was replaced
 */
public record Saved(String id, boolean created) {
}
