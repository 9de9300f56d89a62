package io.churnwatch.streams.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class ResilientProductionExceptionHandlerTest {

    private final ResilientProductionExceptionHandler handler = new ResilientProductionExceptionHandler();
    private final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("customer-features", new byte[1]);

    @Test
    void skipsWhatIsWrongWithTheRecordAndFailsOnWhatIsWrongWithTheCluster() {
        assertThat(handler.handleError(CONTEXT, record, new RecordTooLargeException("big")).result())
                .isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(handler.handleSerializationError(CONTEXT, record, new SerializationException("bad"),
                ProductionExceptionHandler.SerializationExceptionOrigin.VALUE).result())
                .isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(handler.handleError(CONTEXT, record, new AuthorizationException("denied")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
        @Override
        public String topic() {
            return "orders";
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 42;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "customer-state";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(1, 0);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return null;
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    };
}
