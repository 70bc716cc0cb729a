package io.opsflow.bench;

import org.flowable.engine.ProcessEngine;

/** One side of a comparison: an engine, the counter on its data source, and how to shut it down. */
record EngineUnderTest(String name, ProcessEngine engine, CountingDataSource dataSource, AutoCloseable closer)
        implements AutoCloseable {

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
