/** SNMP collection: the SNMP4J client, MIB readers and the trap receiver. */
package io.tunnelwatch.snmp;
