package io.tunnelwatch.lab;

import java.util.Objects;

/**
 * A user name and password the lab's routers accept over SSH.
 *
 * @param password never printed: {@link #toString()} masks it
 */
public record UserLogin(String username, String password) {

  public UserLogin {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "UserLogin[username=" + username + ", password=****]";
  }
}
