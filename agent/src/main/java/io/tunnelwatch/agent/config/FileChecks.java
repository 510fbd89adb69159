package io.tunnelwatch.agent.config;

import io.tunnelwatch.ios.transport.PrivateKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.jspecify.annotations.Nullable;

/**
 * Files and directories named in the configuration, checked for the kind the agent will use them
 * as: a file it reads whole must be a regular readable file of sane size, a directory it writes
 * must be one it can create or write (and not a kernel interface such as {@code /proc}). Contents
 * of secret files are read to be checked, never shown.
 */
final class FileChecks {

  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
  static final long MAX_SECRET_BYTES = YamlTreeReader.MAX_VALUE_CHARS;
  static final long MAX_KEY_BYTES = 64L * 1024;
  private static final List<Path> KERNEL_TREES = List.of(Path.of("/proc"), Path.of("/sys"));

  private final ConfigChecks checks;

  FileChecks(ConfigChecks checks) {
    this.checks = checks;
  }

  /** A regular, readable file of at most {@code maxBytes}; its resolved path when it is one. */
  Optional<Path> requireFile(String path, String file, long maxBytes) {
    Path resolved = resolve(path, file);
    if (resolved == null) {
      return Optional.empty();
    }
    String problem = null;
    try {
      if (!Files.exists(resolved)) {
        problem = "expected a readable file, " + resolved + " does not exist";
      } else if (Files.isDirectory(resolved)) {
        problem = "expected a file, " + resolved + " is a directory";
      } else if (!Files.isRegularFile(resolved)) {
        problem = "expected a regular file, " + resolved + " is not one";
      } else if (!Files.isReadable(resolved)) {
        problem = "expected a readable file, " + resolved + " cannot be read by this user";
      } else if (Files.size(resolved) > maxBytes) {
        problem =
            "expected a file of at most "
                + maxBytes
                + " bytes, "
                + resolved
                + " has "
                + Files.size(resolved);
      }
    } catch (IOException e) {
      problem = "expected a readable file, " + resolved + " cannot be examined";
    }
    if (problem != null) {
      checks.problem(path, problem);
      return Optional.empty();
    }
    return Optional.of(resolved);
  }

  /** A file holding one secret, read whole and stripped as the agent reads it: not empty. */
  void requireSecretFile(String path, String file) {
    requireFile(path, file, MAX_SECRET_BYTES)
        .ifPresent(
            resolved -> {
              try {
                if (Files.readString(resolved, StandardCharsets.UTF_8).strip().isEmpty()) {
                  checks.problem(path, "expected a secret, " + resolved + " is empty");
                }
              } catch (IOException e) {
                checks.problem(
                    path, "expected a readable UTF-8 text file, " + resolved + " is not one");
              }
            });
  }

  /**
   * An OpenSSH or PEM private key the transport can load: decrypted with {@code passphrase} when
   * given, refused loudly when encrypted and no passphrase is given.
   */
  void requirePrivateKey(String path, String file, @Nullable String passphrase) {
    requireFile(path, file, MAX_KEY_BYTES)
        .ifPresent(
            resolved -> {
              try {
                PrivateKeyFile.load(
                    null,
                    resolved,
                    passphrase == null
                        ? (session, resource, retry) -> {
                          throw new EncryptedWithoutPassphrase();
                        }
                        : FilePasswordProvider.of(passphrase));
              } catch (EncryptedWithoutPassphrase e) {
                checks.problem(
                    path,
                    "the key in "
                        + resolved
                        + " is encrypted; name the variable holding its passphrase in"
                        + " passphrase_env");
              } catch (IOException | RuntimeException e) {
                checks.problem(
                    path,
                    "expected an OpenSSH or PEM private key, "
                        + resolved
                        + (passphrase == null
                            ? " is not one"
                            : " is not one or does not open with the passphrase"));
              }
            });
  }

  /**
   * A known_hosts file the verifier can read, or with trust on first use, one it can add to
   * (created on the first new key when absent).
   */
  void requireKnownHosts(String path, String file, boolean trustOnFirstUse) {
    Path resolved = resolve(path, file);
    if (resolved == null) {
      return;
    }
    if (!trustOnFirstUse || Files.exists(resolved)) {
      Optional<Path> found = requireFile(path, file, MAX_FILE_BYTES);
      if (found.isPresent() && trustOnFirstUse && !Files.isWritable(resolved)) {
        checks.problem(
            path, "expected a file host keys can be added to, " + resolved + " is not writable");
      }
      return;
    }
    Path parent = resolved.toAbsolutePath().getParent();
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      checks.problem(
          path,
          "expected a file that can be created, the directory of " + resolved + " is not writable");
    }
  }

  /** A directory the agent creates if needed and writes to. */
  void requireWritableDirectory(String path, String dir) {
    Path given = resolve(path, dir);
    if (given == null) {
      return;
    }
    Path resolved = given.toAbsolutePath().normalize();
    Path existing = resolved;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (underKernelTree(resolved) || (existing != null && underKernelTree(realPath(existing)))) {
      checks.problem(
          path,
          "expected a directory for the agent's files, " + resolved + " is under /proc or /sys");
    } else if (Files.exists(resolved) && !Files.isDirectory(resolved)) {
      checks.problem(path, "expected a directory, " + resolved + " is a file");
    } else if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      checks.problem(
          path,
          "expected a writable directory (or one that can be created), " + resolved + " is not");
    }
  }

  /** The path as the agent will open it, or null (and a problem) when it cannot be one. */
  private @Nullable Path resolve(String path, String file) {
    try {
      return checks.resolve(file);
    } catch (InvalidPathException e) {
      checks.problem(path, "expected a file path, got a value that is not one (e.g. a NUL)");
      return null;
    }
  }

  private static boolean underKernelTree(Path path) {
    return KERNEL_TREES.stream().anyMatch(path::startsWith);
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  /** Thrown from the passphrase provider: the key needs a passphrase that was not given. */
  private static final class EncryptedWithoutPassphrase extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
