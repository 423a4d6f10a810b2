/**
 * Recursive Length Prefix encoding (Ethereum yellow paper, appendix B): {@link
 * io.basalt.execution.rlp.Rlp} for one-shot encoding and decoding, {@link
 * io.basalt.execution.rlp.RlpWriter} and {@link io.basalt.execution.rlp.RlpReader} for structures.
 * Decoding is strict: only the canonical encoding of a value is accepted.
 */
package io.basalt.execution.rlp;
