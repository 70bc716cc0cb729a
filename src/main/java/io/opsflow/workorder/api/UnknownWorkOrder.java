package io.opsflow.workorder.api;

/** No such work order, or one the caller may not see: 404 either way. */
class UnknownWorkOrder extends RuntimeException {

    UnknownWorkOrder(String id) {
        super("no work order " + id);
    }
}
