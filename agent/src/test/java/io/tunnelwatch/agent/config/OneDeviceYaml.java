package io.tunnelwatch.agent.config;

/** A valid configuration of one SSH device, for tests of the sections around it. */
final class OneDeviceYaml {

  private OneDeviceYaml() {}

  /**
   * The device R1 with its auth and module, then {@code sections}; its {@code known_hosts} file is
   * the test's to write, next to the configuration.
   */
  static String withSections(String sections) {
    return """
        auths:
          lab:
            username: netops
            password: not-used-here
        modules:
          ipsec:
            ssh: {}
        devices:
          - name: R1
            host: 127.0.0.1
            module: ipsec
            ssh:
              auth: lab
              known_hosts: known_hosts
        """
        + sections;
  }
}
