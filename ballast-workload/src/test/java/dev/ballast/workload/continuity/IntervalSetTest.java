package dev.ballast.workload.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class IntervalSetTest {

  @Test
  void consecutiveValuesStayOneRange() {
    IntervalSet set = new IntervalSet();
    for (long v = 0; v < 1_000; v++) {
      assertThat(set.add(v)).isTrue();
    }
    assertThat(set.rangeCount()).isEqualTo(1);
    assertThat(set.cardinality()).isEqualTo(1_000);
  }

  @Test
  void fillingAGapMergesTheNeighbours() {
    IntervalSet set = new IntervalSet();
    set.addRange(0, 4);
    set.addRange(6, 9);
    assertThat(set.rangeCount()).isEqualTo(2);

    assertThat(set.add(5)).isTrue();

    assertThat(set.ranges()).containsExactly(new IntervalSet.Range(0, 9));
  }

  @Test
  void addingAPresentValueReportsIt() {
    IntervalSet set = IntervalSet.ofRange(3, 7);

    assertThat(set.add(5)).isFalse();
    assertThat(set.addRange(6, 9)).isEqualTo(2);
    assertThat(set.cardinality()).isEqualTo(7);
  }

  @Test
  void minusLeavesTheGaps() {
    IntervalSet acked = IntervalSet.ofRange(0, 99);
    IntervalSet consumed = IntervalSet.ofRange(0, 9);
    consumed.addRange(20, 49);
    consumed.addRange(51, 120);

    assertThat(acked.minus(consumed).ranges())
        .containsExactly(new IntervalSet.Range(10, 19), new IntervalSet.Range(50, 50));
  }

  /** Applies every add to the set and to a TreeSet model; checks them equal after every step. */
  @Property(tries = 300)
  void behavesLikeASetOfLongs(
      @ForAll @Size(max = 200) List<@LongRange(min = -50, max = 300) Long> values,
      @ForAll @Size(max = 30) List<@LongRange(min = -50, max = 300) Long> removed) {
    IntervalSet set = new IntervalSet();
    TreeSet<Long> model = new TreeSet<>();
    for (long v : values) {
      assertThat(set.add(v)).isEqualTo(model.add(v));
      assertThat(set.cardinality()).isEqualTo(model.size());
      assertInvariants(set);
    }
    for (long v = -51; v <= 301; v++) {
      assertThat(set.contains(v)).isEqualTo(model.contains(v));
    }
    IntervalSet other = new IntervalSet();
    removed.forEach(other::add);
    IntervalSet difference = set.minus(other);
    TreeSet<Long> expected = new TreeSet<>(model);
    expected.removeAll(removed);
    assertThat(difference.cardinality()).isEqualTo(expected.size());
    expected.forEach(v -> assertThat(difference.contains(v)).isTrue());
    assertInvariants(difference);
  }

  @Property(tries = 200)
  void rangesAddLikeTheirValues(
      @ForAll @Size(max = 40) List<@LongRange(min = 0, max = 200) Long> starts,
      @ForAll @Size(max = 40) List<@LongRange(min = 0, max = 20) Long> lengths) {
    IntervalSet set = new IntervalSet();
    TreeSet<Long> model = new TreeSet<>();
    for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
      long from = starts.get(i);
      long to = from + lengths.get(i);
      long added = 0;
      for (long v = from; v <= to; v++) {
        added += model.add(v) ? 1 : 0;
      }
      assertThat(set.addRange(from, to)).isEqualTo(added);
      assertInvariants(set);
    }
    assertThat(set.cardinality()).isEqualTo(model.size());
  }

  private static void assertInvariants(IntervalSet set) {
    List<IntervalSet.Range> ranges = set.ranges();
    long total = 0;
    for (int i = 0; i < ranges.size(); i++) {
      total += ranges.get(i).length();
      if (i > 0) {
        // Sorted, disjoint and not adjacent (adjacent ranges must have been merged).
        assertThat(ranges.get(i).from()).isGreaterThan(ranges.get(i - 1).to() + 1);
      }
    }
    assertThat(total).isEqualTo(set.cardinality());
  }
}
