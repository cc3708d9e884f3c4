package dev.ballast.core.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.core.doctor.ConfigChange;
import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.Incident;
import dev.ballast.core.doctor.PartitionRef;
import dev.ballast.core.doctor.Reassignment;
import dev.ballast.core.doctor.ScaleOut;
import java.util.List;

/** Renders a diagnosis as one JSON document: summary, incidents, the structured fix, notes. */
public final class JsonRenderer {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonRenderer() {}

  /** Returns the JSON document for {@code diagnosis}. */
  public static String render(Diagnosis diagnosis) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("brokers", diagnosis.brokers());
    root.put("partitions", diagnosis.partitions());
    root.put("worst", diagnosis.incidents().isEmpty() ? null : diagnosis.worst().label());
    ArrayNode incidents = root.putArray("incidents");
    for (Incident i : diagnosis.incidents()) {
      ObjectNode o = incidents.addObject();
      o.put("id", i.id());
      o.put("kind", i.kind().label());
      o.put("severity", i.severity().label());
      o.put("signal", i.signal());
      ArrayNode ev = o.putArray("evidence");
      i.evidence().forEach(ev::add);
      o.put("rootCause", i.rootCause());
      o.put("remediation", i.remediation());
    }
    Fix fix = diagnosis.fix();
    ObjectNode f = root.putObject("fix");
    ScaleOut so = fix.scaleOut();
    if (so == null) {
      f.putNull("scaleOut");
    } else {
      ObjectNode s = f.putObject("scaleOut");
      s.put("currentBrokers", so.currentBrokers());
      s.put("targetBrokers", so.targetBrokers());
      s.put("availabilityZones", so.availabilityZones());
      ArrayNode ids = s.putArray("newBrokerIds");
      so.newBrokerIds().forEach(ids::add);
      s.put("basis", so.basis());
    }
    ObjectNode rebalance = f.putObject("rebalance");
    rebalance.put("summary", fix.rebalanceSummary());
    reassignments(rebalance.putArray("reassignments"), fix.rebalance());
    ArrayNode election = f.putArray("preferredElection");
    for (PartitionRef p : fix.preferredElection()) {
      election.addObject().put("topic", p.topic()).put("partition", p.partition());
    }
    ArrayNode configs = f.putArray("configChanges");
    for (ConfigChange c : fix.configChanges()) {
      configs
          .addObject()
          .put("topic", c.topic())
          .put("key", c.key())
          .put("currentValue", c.currentValue())
          .put("newValue", c.newValue());
    }
    reassignments(f.putArray("replicationIncrease"), fix.replicationIncrease());
    ArrayNode notes = root.putArray("notes");
    diagnosis.notes().forEach(notes::add);
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the diagnosis as JSON", e);
    }
  }

  private static void reassignments(ArrayNode out, List<Reassignment> list) {
    for (Reassignment r : list) {
      ObjectNode o = out.addObject();
      o.put("topic", r.topic());
      o.put("partition", r.partition());
      ArrayNode old = o.putArray("oldReplicas");
      r.oldReplicas().forEach(old::add);
      ArrayNode neu = o.putArray("newReplicas");
      r.newReplicas().forEach(neu::add);
      o.put("bytesToMove", r.bytesToMove());
    }
  }
}
