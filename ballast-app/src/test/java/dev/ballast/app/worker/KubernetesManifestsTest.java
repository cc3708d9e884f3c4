package dev.ballast.app.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ballast.app.Main;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Validates deploy/k8s offline: every resource parses into fabric8's typed Kubernetes model with no
 * field the model does not know, workers and the controller have resources and probes, and every
 * container command line is one {@code bin/ballast} accepts.
 */
class KubernetesManifestsTest {

  private static final Path DIR = Path.of("..", "deploy", "k8s");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "Namespace", Namespace.class,
          "ConfigMap", ConfigMap.class,
          "Service", Service.class,
          "StatefulSet", StatefulSet.class,
          "Deployment", Deployment.class,
          "PodDisruptionBudget", PodDisruptionBudget.class);
  private static final Set<String> KUSTOMIZATION_FIELDS =
      Set.of("apiVersion", "kind", "namespace", "labels", "resources", "images");

  private static List<String> resources() throws IOException {
    JsonNode k = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
    List<String> names = new ArrayList<>();
    k.fieldNames().forEachRemaining(names::add);
    assertThat(KUSTOMIZATION_FIELDS).as("kustomization.yaml fields").containsAll(names);
    assertThat(k.get("kind").asText()).isEqualTo("Kustomization");
    List<String> files = new ArrayList<>();
    k.get("resources").forEach(r -> files.add(r.asText()));
    return files;
  }

  private static HasMetadata parse(String yaml) throws IOException {
    JsonNode node = YAML.readTree(yaml);
    Class<? extends HasMetadata> type = KINDS.get(node.path("kind").asText());
    assertThat(type).as("a kind this test knows: " + node.path("kind")).isNotNull();
    return YAML.treeToValue(node, type);
  }

  private static List<HasMetadata> all() throws IOException {
    List<HasMetadata> list = new ArrayList<>();
    for (String file : resources()) {
      list.add(parse(Files.readString(DIR.resolve(file))));
    }
    return list;
  }

  @Test
  void everyFileIsAResourceOfTheKustomization() throws IOException {
    List<String> listed = resources();
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> yamls =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
              .toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(yamls);
    }
  }

  @Test
  void everyResourceParsesIntoTheTypedModelWithoutUnknownFields() throws IOException {
    for (String file : resources()) {
      HasMetadata r = parse(Files.readString(DIR.resolve(file)));
      assertThat(unknownFields(r))
          .as(file + ": fields the Kubernetes model does not know")
          .isEmpty();
      assertThat(r.getMetadata().getName()).as(file + " name").isNotBlank();
    }
  }

  @Test
  void aFieldTheModelDoesNotKnowIsCaught() throws IOException {
    String broken =
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: x}
        spec:
          replica: 4
          template:
            spec:
              containers: [{name: c, image: i, resource: {}}]
        """;
    assertThat(unknownFields(parse(broken)))
        .containsExactlyInAnyOrder("spec.replica", "spec.template.spec.containers[0].resource");
  }

  @Test
  void workersAndTheControllerHaveResourcesAndTheLongRunningOnesProbes() throws IOException {
    List<Container> containers = containers(all());
    assertThat(containers).extracting(Container::getName).contains("worker", "load-run", "serve");
    for (Container c : containers) {
      assertThat(c.getResources().getRequests()).as(c.getName()).containsKeys("cpu", "memory");
      assertThat(c.getResources().getLimits()).as(c.getName()).containsKeys("cpu", "memory");
      if (!c.getName().equals("load-run")) {
        assertThat(c.getLivenessProbe()).as(c.getName() + " liveness").isNotNull();
        assertThat(c.getReadinessProbe()).as(c.getName() + " readiness").isNotNull();
      }
    }
  }

  @Test
  void everyContainerCommandIsOneBallastAccepts() throws IOException {
    for (Container c : containers(all())) {
      List<String> command = c.getCommand();
      assertThat(command.get(0)).as(c.getName()).isEqualTo("bin/ballast");
      List<String> args = substitute(command.subList(1, command.size()));
      CommandLine.ParseResult parsed = Main.newCommandLine().parseArgs(args.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).as(c.getName()).isTrue();
    }
  }

  @Test
  void aCommandBallastDoesNotAcceptIsCaught() {
    assertThatThrownBy(
            () ->
                Main.newCommandLine()
                    .parseArgs("worker", "--bootstrap-server", "k:9092", "--idd", "w-0"))
        .isInstanceOf(CommandLine.ParameterException.class);
  }

  /** Replaces Kubernetes' $(VAR) references with example values, as the kubelet would. */
  private static List<String> substitute(List<String> args) {
    return args.stream()
        .map(a -> a.replaceAll("\\$\\(POD_NAME\\)", "ballast-worker-0"))
        .map(a -> a.replaceAll("\\$\\([A-Z_]*BOOTSTRAP\\)", "kafka:9092"))
        .toList();
  }

  private static List<Container> containers(List<HasMetadata> resources) {
    List<Container> list = new ArrayList<>();
    for (HasMetadata r : resources) {
      PodSpec pod = null;
      if (r instanceof StatefulSet s) {
        pod = s.getSpec().getTemplate().getSpec();
      } else if (r instanceof Deployment d) {
        pod = d.getSpec().getTemplate().getSpec();
      }
      if (pod != null) {
        list.addAll(pod.getContainers());
      }
    }
    return list;
  }

  /** Returns the path of every field that landed in a model object's additional properties. */
  static List<String> unknownFields(Object root) {
    List<String> out = new ArrayList<>();
    walk(root, "", out, new IdentityHashMap<>());
    return out;
  }

  private static void walk(Object o, String path, List<String> out, Map<Object, Boolean> seen) {
    if (o == null || seen.put(o, Boolean.TRUE) != null) {
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(v, path + "." + k, out, seen));
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object e : c) {
        walk(e, path + "[" + i++ + "]", out, seen);
      }
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0
          || !m.getName().startsWith("get")
          || Modifier.isStatic(m.getModifiers())
          || m.getName().equals("getClass")) {
        continue;
      }
      Object value;
      try {
        value = m.invoke(o);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (m.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra) {
          extra.keySet().forEach(k -> out.add((path + "." + k).substring(1)));
        }
        continue;
      }
      String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
      walk(value, path + "." + name, out, seen);
    }
  }
}
