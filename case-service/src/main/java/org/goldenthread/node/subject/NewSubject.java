package org.goldenthread.node.subject;

/** One person of a bulk import ({@link SubjectStore#importNew}): a reference not yet on this node. */
public record NewSubject(String ref, SubjectDetails details, String recordedBy) {
}
