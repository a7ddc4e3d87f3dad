package org.goldenthread.node.casework;

import java.time.Instant;

/**
 * One change of a case's RAG rating.
 *
 * @param from the rating before; null when the case had none
 * @param changedBy display name of who changed it
 * @param reason why, when the practitioner said; may be empty
 */
public record RagEntry(Rag from, Rag to, Instant changedAt, String changedBy, String reason) {
}
