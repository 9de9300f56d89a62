package io.churnwatch.registry;

import java.util.List;

/**
 * Where the registry keeps its facts. The registry's state is nothing but these records replayed in order, so
 * a store that survives a restart gives ids and versions that survive it too.
 */
public interface SchemaStore extends AutoCloseable {

    /** Every record written so far, oldest first. */
    List<StoreRecord> readAll();

    /**
     * Writes one record durably; when this returns, a later {@link #readAll} (also after a restart) includes it.
     *
     * @throws io.churnwatch.schemas.registry.SchemaRegistryException 50001 when the record could not be written
     */
    void append(StoreRecord record);

    @Override
    void close();
}
