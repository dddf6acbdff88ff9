package org.fangfanpin.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The in-memory id source counts from 1 per namespace and always issues the same ids in the same order. */
class InMemoryIdSourceTest {

  @Test
  void countsFromOnePerNamespaceWithTwelveDigits() {
    InMemoryIdSource ids = new InMemoryIdSource();

    assertThat(ids.next("case")).isEqualTo("case-000000000001");
    assertThat(ids.next("case")).isEqualTo("case-000000000002");
    assertThat(ids.next("signal")).isEqualTo("signal-000000000001");
    assertThat(ids.next("case")).isEqualTo("case-000000000003");
  }

  @Test
  void aNamespaceBeyondAsciiGivesTheSameForm() {
    InMemoryIdSource ids = new InMemoryIdSource();

    assertThat(ids.next("案件")).isEqualTo("案件-000000000001");
    assertThat(ids.next("caseé")).isEqualTo("caseé-000000000001");
    assertThat(ids.next("案件")).isEqualTo("案件-000000000002");
  }

  @Test
  void countsPastTenAndAThousandKeepTheirDigits() {
    InMemoryIdSource ids = new InMemoryIdSource();
    List<String> issued = IntStream.range(0, 1234).mapToObj(i -> ids.next("case")).toList();

    assertThat(issued.get(9)).isEqualTo("case-000000000010");
    assertThat(issued.get(99)).isEqualTo("case-000000000100");
    assertThat(issued.get(1233)).isEqualTo("case-000000001234");
  }

  @Test
  void twoFreshSourcesIssueTheSameIds() {
    List<String> first = issue(new InMemoryIdSource());
    List<String> second = issue(new InMemoryIdSource());

    assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
  }

  @Test
  void theLongestNamespaceStillGivesIdsOf64Characters() {
    String namespace = "n".repeat(InMemoryIdSource.MAX_NAMESPACE_LENGTH);

    assertThat(new InMemoryIdSource().next(namespace)).hasSize(64);
  }

  @Test
  void refusesANamespaceThatIsEmptyTooLongOrHoldsWhitespace() {
    InMemoryIdSource ids = new InMemoryIdSource();

    for (String bad : List.of("", " ", "ca se", "case\n", "n".repeat(InMemoryIdSource.MAX_NAMESPACE_LENGTH + 1))) {
      assertThatThrownBy(() -> ids.next(bad)).as("namespace [%s]", bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> ids.next(null)).isInstanceOf(NullPointerException.class);
  }

  private static List<String> issue(InMemoryIdSource ids) {
    return IntStream.range(0, 30).mapToObj(i -> ids.next(i % 3 == 0 ? "event" : "case")).toList();
  }
}
