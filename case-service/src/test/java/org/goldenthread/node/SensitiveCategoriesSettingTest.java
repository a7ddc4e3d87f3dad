package org.goldenthread.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.goldenthread.proto.common.v1.DataCategory;
import org.junit.jupiter.api.Test;

/** {@code goldenthread.node.sensitive-categories}: read in the vocabulary's spelling, a wrong name stops the node. */
class SensitiveCategoriesSettingTest {

    static NodeProperties with(String... names) {
        return new NodeProperties("police", null, null, null, Arrays.asList(names));
    }

    @Test
    void readsShortNamesInAnyCaseAndSkipsBlankEntries() {
        assertThat(with(" finance", "", "DOMESTIC_ABUSE").sensitiveCategorySet())
                .containsExactlyInAnyOrder(DataCategory.DATA_CATEGORY_FINANCE, DataCategory.DATA_CATEGORY_DOMESTIC_ABUSE);
        assertThat(new NodeProperties("police", null, null, null, null).sensitiveCategorySet()).isEmpty();
    }

    @Test
    void refusesANameOutsideTheVocabularyNamingTheSetting() {
        assertThatThrownBy(() -> with("FINANCE", "MONEY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("goldenthread.node.sensitive-categories").hasMessageContaining("MONEY");
        assertThatThrownBy(() -> with("UNSPECIFIED")).isInstanceOf(IllegalArgumentException.class);
    }
}
