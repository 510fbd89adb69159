#!/usr/bin/perl
# Net-SNMP pass_persist helper for the integration tests: serves the varbinds of a data file
# (one "OID TYPE VALUE" line each, VALUE may contain spaces) under the subtree snmpd gives it.
# The file is read on every request, so a test can change what the "router" says between polls.
use strict;
use warnings;

my $file = shift @ARGV or die "usage: $0 DATAFILE\n";
$| = 1;

sub arcs { my ($oid) = @_; $oid =~ s/^\.//; return split /\./, $oid; }

sub cmp_oid {
  my @a = arcs($_[0]);
  my @b = arcs($_[1]);
  for (my $i = 0; $i < @a && $i < @b; $i++) {
    return $a[$i] <=> $b[$i] if $a[$i] != $b[$i];
  }
  return @a <=> @b;
}

sub load {
  my %rows;
  open(my $fh, '<', $file) or return ();
  while (my $line = <$fh>) {
    chomp $line;
    next if $line =~ /^\s*(#|$)/;
    my ($oid, $type, $value) = split / /, $line, 3;
    $oid =~ s/^\.//;
    $rows{$oid} = [$type, defined $value ? $value : ''];
  }
  close $fh;
  return %rows;
}

sub answer {
  my ($oid, $row) = @_;
  print ".$oid\n$row->[0]\n$row->[1]\n";
}

while (my $command = <STDIN>) {
  chomp $command;
  if ($command eq 'PING') { print "PONG\n"; next; }
  my $oid = <STDIN>;
  last unless defined $oid;
  chomp $oid;
  $oid =~ s/^\.//;
  if ($command eq 'set') { <STDIN>; print "not-writable\n"; next; }
  my %rows = load();
  if ($command eq 'get') {
    if (exists $rows{$oid}) { answer($oid, $rows{$oid}); } else { print "NONE\n"; }
  } elsif ($command eq 'getnext') {
    my ($next) = grep { cmp_oid($_, $oid) > 0 } sort { cmp_oid($a, $b) } keys %rows;
    if (defined $next) { answer($next, $rows{$next}); } else { print "NONE\n"; }
  } else {
    print "NONE\n";
  }
}
