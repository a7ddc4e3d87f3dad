package org.goldenthread.node.web;

import org.goldenthread.node.store.Saved;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answer to an idempotent PUT: the agency's reference and the node's id of the record. */
record SavedRef(String ref, String id) {

    /** 201 when the reference was new, 200 when an existing record was replaced. */
    static ResponseEntity<SavedRef> answer(String ref, Saved saved) {
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new SavedRef(ref, saved.id()));
    }
}
