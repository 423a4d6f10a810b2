package io.basalt.node.validator.slashing;

/** What an interchange import read: validators, and records of each kind, as in the file. */
public record ImportSummary(int validators, int blocks, int attestations, int shardBlocks) {}
