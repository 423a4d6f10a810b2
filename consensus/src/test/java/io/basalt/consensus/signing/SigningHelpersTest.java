package io.basalt.consensus.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.types.Bytes4;
import io.basalt.consensus.types.Fork;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class SigningHelpersTest {

  private final SigningHelpers signing = new SigningHelpers();

  @Test
  void depositDomainShouldMatchEthereumMainnet() {
    // Ethereum mainnet's DOMAIN_DEPOSIT with GENESIS_FORK_VERSION 0x00000000 and a zero root, as
    // published by deposit tooling (compute_domain(DOMAIN_DEPOSIT)).
    Bytes32 domain =
        signing.computeDomain(
            Bytes4.fromHexString("0x03000000"), Bytes4.fromHexString("0x00000000"), Bytes32.ZERO);
    assertThat(domain)
        .isEqualTo(
            Bytes32.fromHexString(
                "0x03000000f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a9"));
  }

  @Test
  void forkDataRootShouldBeHashOfVersionChunkAndRoot() {
    Bytes4 version = Bytes4.fromHexString("0x01020304");
    Bytes32 root = Bytes32.repeat((byte) 7);
    Bytes expected = Hash.sha256(Bytes.concatenate(Bytes32.rightPad(version.bytes()), root));
    assertThat(signing.computeForkDataRoot(version, root)).isEqualTo(expected);
    assertThat(signing.computeForkDigest(version, root).bytes()).isEqualTo(expected.slice(0, 4));
  }

  @Test
  void signingRootShouldHashObjectRootWithDomain() {
    Bytes32 object = Bytes32.repeat((byte) 1);
    Bytes32 domain = Bytes32.repeat((byte) 2);
    assertThat(signing.computeSigningRoot(object, domain))
        .isEqualTo(Hash.sha256(Bytes.concatenate(object, domain)));
  }

  @Test
  void getDomainShouldUsePreviousVersionBeforeForkEpoch() {
    Bytes4 previous = Bytes4.fromHexString("0x00000001");
    Bytes4 current = Bytes4.fromHexString("0x00000002");
    Fork fork = new Fork(previous, current, Epoch.of(10));
    Bytes4 type = Bytes4.fromHexString("0x01000000");
    Bytes32 gvr = Bytes32.repeat((byte) 9);
    assertThat(signing.getDomain(fork, Epoch.of(9), type, gvr))
        .isEqualTo(signing.computeDomain(type, previous, gvr));
    assertThat(signing.getDomain(fork, Epoch.of(10), type, gvr))
        .isEqualTo(signing.computeDomain(type, current, gvr));
  }

  @Test
  void domainsShouldDifferAcrossChains() {
    Bytes4 type = Bytes4.fromHexString("0x01000000");
    Bytes4 version = Bytes4.fromHexString("0x00000001");
    assertThat(signing.computeDomain(type, version, Bytes32.ZERO))
        .isNotEqualTo(signing.computeDomain(type, version, Bytes32.repeat((byte) 1)));
  }
}
