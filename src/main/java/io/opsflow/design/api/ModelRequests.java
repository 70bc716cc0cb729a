package io.opsflow.design.api;

/** Request bodies of the model API. */
final class ModelRequests {

    private ModelRequests() {}

    /** A new, nearly empty model. */
    record Create(String name, String processKey) {}

    /** A save: the version the editor opened (or send {@code If-Match: "v<version>"}) and the whole XML. */
    record Save(Integer version, String xml) {}

    /** A deploy of one saved version (the latest when absent) with the designer's comment. */
    record Deploy(Integer version, String comment) {}
}
