package dev.ballast.core.fix;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.doctor.Diagnosis;

/** Renders a diagnosis in any {@link FixFormat}. */
public final class FixRenderers {

  private FixRenderers() {}

  /** Returns {@code diagnosis} rendered as {@code format}, with names from {@code ctx}. */
  public static String render(FixFormat format, Diagnosis diagnosis, FixContext ctx) {
    requireNonNull(format, "format");
    requireNonNull(diagnosis, "diagnosis");
    requireNonNull(ctx, "ctx");
    return switch (format) {
      case TEXT -> TextRenderer.render(diagnosis, ctx);
      case JSON -> JsonRenderer.render(diagnosis);
      case KAFKA_CLI -> KafkaCliRenderer.render(diagnosis, ctx);
      case AWS_CLI -> AwsCliRenderer.render(diagnosis, ctx);
      case TERRAFORM -> TerraformRenderer.render(diagnosis, ctx);
      case PULUMI -> PulumiRenderer.render(diagnosis, ctx);
      case STRIMZI -> StrimziRenderer.render(diagnosis, ctx);
    };
  }
}
