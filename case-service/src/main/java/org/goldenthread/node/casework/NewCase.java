package org.goldenthread.node.casework;

/** One case of a bulk import ({@link CaseStore#importNew}): a reference not yet on this node. */
public record NewCase(String ref, CaseDetails details, String recordedBy) {
}
