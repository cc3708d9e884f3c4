package dev.ballast.workload.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void aValueCarriesTheStampAfterTheMagic() {
    byte[] value = new byte[100];
    java.util.Arrays.fill(value, (byte) 'x');
    MessageStamp.writeInto(value, -7L, 123_456_789L, Long.MAX_VALUE);
    MessageStamp stamp = new MessageStamp();

    assertThat(stamp.read(value, new RecordHeaders())).isTrue();
    assertThat(stamp.producerId()).isEqualTo(-7L);
    assertThat(stamp.sequence()).isEqualTo(123_456_789L);
    assertThat(stamp.sendNanos()).isEqualTo(Long.MAX_VALUE);
    assertThat(value[MessageStamp.VALUE_LENGTH]).isEqualTo((byte) 'x'); // the rest untouched
  }

  @Test
  void aValueWithoutTheMagicFallsBackToTheHeader() {
    byte[] text = "{\"json\": \"a foreign message of more than 28 bytes\"}".getBytes(UTF_8);
    RecordHeaders headers = new RecordHeaders();
    headers.add(MessageStamp.header(1L, 2L, 3L));
    MessageStamp stamp = new MessageStamp();

    assertThat(stamp.read(text, new RecordHeaders())).isFalse();
    assertThat(stamp.read(null, new RecordHeaders())).isFalse();
    assertThat(stamp.read(text, headers)).isTrue();
    assertThat(stamp.sequence()).isEqualTo(2L);
  }

  @Test
  void aValueTooSmallForTheStampIsRefusedAndNeverRead() {
    assertThat(MessageStamp.fitsInValue(MessageStamp.VALUE_LENGTH)).isTrue();
    assertThat(MessageStamp.fitsInValue(MessageStamp.VALUE_LENGTH - 1)).isFalse();
    byte[] big = new byte[MessageStamp.VALUE_LENGTH];
    MessageStamp.writeInto(big, 1L, 2L, 3L);
    byte[] cut = java.util.Arrays.copyOf(big, MessageStamp.VALUE_LENGTH - 1); // magic, cut short

    assertThat(new MessageStamp().read(cut, new RecordHeaders())).isFalse();
    assertThatThrownBy(() -> MessageStamp.writeInto(cut, 1L, 2L, 3L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
