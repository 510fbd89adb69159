package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.RouterSnapshot;

/** {@code show version} of an IOSv 15.6 router, abridged to the lines tools look at. */
final class VersionView {
  private VersionView() {}

  static String render(RouterSnapshot router) {
    return "Cisco IOS Software, IOSv Software (VIOS-ADVENTERPRISEK9-M), Version 15.6(2)T,"
        + " RELEASE SOFTWARE (fc2)\n"
        + "Technical Support: http://www.cisco.com/techsupport\n"
        + "Copyright (c) 1986-2016 by Cisco Systems, Inc.\n"
        + "Compiled Tue 22-Mar-16 16:19 by prod_rel_team\n"
        + "\n\n"
        + "ROM: Bootstrap program is IOSv\n"
        + "\n"
        + router.hostname()
        + " uptime is "
        + IosFormat.uptimeWords(router.uptime())
        + "\n"
        + "System returned to ROM by reload\n"
        + "System image file is \"flash0:/vios-adventerprisek9-m\"\n"
        + "Last reload reason: Unknown reason\n"
        + "\n\n\n"
        + "Cisco IOSv (revision 1.0) with  with 460033K/62464K bytes of memory.\n"
        + "Processor board ID "
        + router.config().serialNumber()
        + "\n"
        + router.config().ethernetPorts().size()
        + " Gigabit Ethernet interfaces\n"
        + "DRAM configuration is 72 bits wide with parity disabled.\n"
        + "256K bytes of non-volatile configuration memory.\n"
        + "2097152K bytes of ATA System CompactFlash 0 (Read/Write)\n"
        + "\n"
        + "Configuration register is 0x0\n"
        + "\n";
  }
}
