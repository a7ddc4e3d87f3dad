package org.goldenthread.consent.consent;

/**
 * What shows the consent was given.
 *
 * @param kind how it was obtained
 * @param reference the recording agency's reference (form number), unique per agency
 * @param witness who witnessed verbal consent; null otherwise
 * @param privacyNoticeVersion the privacy notice the subject was shown
 */
public record Evidence(EvidenceKind kind, String reference, String witness, String privacyNoticeVersion) {
}
