package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  private final List<String> closed = new ArrayList<>();
  private final Resources resources = new Resources();

  private void open(String name) {
    resources.add(name, name, () -> closed.add(name));
  }

  @Test
  void closesTheLastOpenedFirst() {
    open("consumers");
    open("http");
    open("scheduler");

    resources.close();

    assertThat(closed).containsExactly("scheduler", "http", "consumers");
  }

  @Test
  void aFailingCloseDoesNotLeaveTheOthersOpen() {
    open("consumers");
    resources.add(
        "http",
        "http",
        () -> {
          throw new IllegalStateException("boom");
        });
    open("scheduler");

    resources.close();

    assertThat(closed).containsExactly("scheduler", "consumers");
  }

  @Test
  void closesEachResourceOnce() {
    open("http");

    resources.close();
    resources.close();

    assertThat(closed).containsExactly("http");
  }

  @Test
  void returnsWhatItWasGiven() throws Exception {
    AutoCloseable resource = () -> closed.add("resource");

    assertThat(resources.add("resource", resource)).isSameAs(resource);
    resources.close();
    assertThat(closed).containsExactly("resource");
  }
}
