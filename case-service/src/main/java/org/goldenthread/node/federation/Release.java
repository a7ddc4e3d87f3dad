package org.goldenthread.node.federation;

import java.util.List;
import org.goldenthread.proto.common.v1.DataCategory;

/**
 * What a handler is about to send, and what the audit log must record about it first.
 *
 * @param categories the categories released
 * @param recordIds node ids of the records released
 */
record Release<T>(T response, List<DataCategory> categories, List<String> recordIds) {

    Release {
        categories = List.copyOf(categories);
        recordIds = List.copyOf(recordIds);
    }
}
