package org.goldenthread.identity.agency;

/**
 * The organisation federation administrators belong to: the hub that runs the partnership, not one
 * of its agencies. Its id is reserved (no agency node may be registered under it) so that no agency
 * administrator ever administers a federation administrator's account, and a token whose
 * {@code agency} is {@code hub} reaches no agency's records.
 *
 * <p>A constant, not a property: the demo data, the launcher and every deployment must name the
 * same organisation, as they name the same token audience.
 */
public final class HubOrganisation {

    public static final String ID = "hub";

    private HubOrganisation() {
    }

    public static boolean is(String agency) {
        return ID.equals(agency);
    }
}
