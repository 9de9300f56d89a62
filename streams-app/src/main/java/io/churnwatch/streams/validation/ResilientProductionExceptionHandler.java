package io.churnwatch.streams.validation;

import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the app running when one output record cannot be written because of the record itself (it cannot be
 * serialized, or it is larger than the broker accepts): that record is logged and skipped. Anything else
 * (authorization, a fenced producer, a broken cluster) is not the data's fault and fails as usual, so the
 * stream thread is replaced and the work retried from the last commit.
 */
public final class ResilientProductionExceptionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientProductionExceptionHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            LOG.error("Skipping a record for topic {} from {}-{}@{} that the broker refuses as too large: {}",
                    record.topic(), context.topic(), context.partition(), context.offset(), exception.getMessage());
            return Response.resume();
        }
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        LOG.error("Skipping a record for topic {} from {}-{}@{} whose {} cannot be serialized: {}",
                record.topic(), context.topic(), context.partition(), context.offset(), origin, exception.toString());
        return Response.resume();
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // nothing to configure
    }
}
