/**
 * The Solidity ABI: types, function selectors, strict calldata decoding, return-data and event
 * encoding, so Ethereum tools can call Basalt's system contracts. See docs/execution.md.
 */
package io.basalt.execution.abi;
