package dev.ballast.app.doctor;

import dev.ballast.app.cli.UserException;
import dev.ballast.core.doctor.TopicConfig;
import java.util.Map;

/** Parses {@code --topic-config TOPIC:KEY=VALUE} into the doctor's topic configs. */
final class TopicConfigOption {

  private static final String MIN_ISR =
      org.apache.kafka.common.config.TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG;
  private static final String UNCLEAN =
      org.apache.kafka.common.config.TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG;

  private TopicConfigOption() {}

  /** Applies {@code spec} to {@code configs}, or fails with a user error saying what is wrong. */
  static void apply(String spec, Map<String, TopicConfig> configs) {
    int colon = spec.lastIndexOf(':');
    int eq = spec.indexOf('=', Math.max(colon, 0));
    if (colon <= 0 || eq < 0) {
      throw new UserException(
          "--topic-config takes TOPIC:KEY=VALUE (e.g. orders:min.insync.replicas=2), not '"
              + spec
              + "'");
    }
    String topic = spec.substring(0, colon);
    String key = spec.substring(colon + 1, eq).trim();
    String value = spec.substring(eq + 1).trim();
    TopicConfig now = configs.getOrDefault(topic, TopicConfig.KAFKA_DEFAULTS);
    try {
      if (key.equals(MIN_ISR)) {
        configs.put(topic, new TopicConfig(Integer.parseInt(value), now.uncleanLeaderElection()));
      } else if (key.equals(UNCLEAN)) {
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException(UNCLEAN + " must be true or false");
        }
        configs.put(topic, new TopicConfig(now.minInsyncReplicas(), Boolean.parseBoolean(value)));
      } else {
        throw new UserException(
            "--topic-config: the doctor reads "
                + MIN_ISR
                + " and "
                + UNCLEAN
                + ", not '"
                + key
                + "'");
      }
    } catch (NumberFormatException e) {
      throw new UserException("--topic-config " + spec + ": " + MIN_ISR + " must be a number");
    } catch (IllegalArgumentException e) {
      throw new UserException("--topic-config " + spec + ": " + e.getMessage());
    }
  }
}
