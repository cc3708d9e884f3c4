package dev.ballast.workload.worker;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Creates the Kafka clients a worker uses; tests may pass in-memory fakes. */
public interface ClientFactory {

  /** Returns a new producer with {@code config}. */
  Producer<byte[], byte[]> producer(Map<String, Object> config);

  /** Returns a new consumer with {@code config}. */
  Consumer<byte[], byte[]> consumer(Map<String, Object> config);

  /** Returns a factory of real Kafka clients with byte-array (de)serializers. */
  static ClientFactory kafka() {
    return new ClientFactory() {
      @Override
      public Producer<byte[], byte[]> producer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
      }

      @Override
      public Consumer<byte[], byte[]> consumer(Map<String, Object> config) {
        Map<String, Object> c = new HashMap<>(config);
        c.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A consumer of a missing topic waits for it; it never creates it with broker defaults.
        c.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      }
    };
  }
}
