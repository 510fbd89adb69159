package io.tunnelwatch.core.model;

/** Inbound and outbound SPI of the current ESP SAs, written as IOS does ({@code 0x1A2B3C4D}). */
public record SpiPair(String inbound, String outbound) {}
