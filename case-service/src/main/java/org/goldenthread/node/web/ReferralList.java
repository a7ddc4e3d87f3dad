package org.goldenthread.node.web;

import java.util.List;

/** {@code GET /api/referrals?status=}: the referrals in that status, most recently received first. */
record ReferralList(String status, List<ReferralView> referrals) {
}
