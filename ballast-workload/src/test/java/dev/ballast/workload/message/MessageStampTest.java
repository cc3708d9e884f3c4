package dev.ballast.workload.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class MessageStampTest {

  @Test
  void headerRoundTrips() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader("other", new byte[] {1}));
    headers.add(MessageStamp.header(-7L, 123_456_789L, Long.MAX_VALUE));
    MessageStamp stamp = new MessageStamp();

    assertThat(stamp.read(headers)).isTrue();
    assertThat(stamp.producerId()).isEqualTo(-7L);
    assertThat(stamp.sequence()).isEqualTo(123_456_789L);
    assertThat(stamp.sendNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void foreignMessagesAreRecognised() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader(MessageStamp.HEADER, new byte[] {1, 2, 3}));

    assertThat(new MessageStamp().read(headers)).isFalse();
    assertThat(new MessageStamp().read(new RecordHeaders())).isFalse();
  }
}
