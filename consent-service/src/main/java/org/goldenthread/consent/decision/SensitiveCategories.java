package org.goldenthread.consent.decision;

import java.util.Set;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * The categories a source agency's data-protection officer must acknowledge a consent for before it releases
 * them: always the special categories (UK GDPR art. 9), plus any the agency marks sensitive in the registry.
 * Fail closed: when the registry cannot be read, every category.
 */
@FunctionalInterface
public interface SensitiveCategories {

    Set<DataCategory> of(String agency);
}
