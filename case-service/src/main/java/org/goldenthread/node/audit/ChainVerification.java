package org.goldenthread.node.audit;

/**
 * The result of walking the audit chain.
 *
 * @param entries how many entries the log holds
 * @param firstBrokenSequence the first entry whose link does not verify; null when valid
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenSequence) {
}
