package io.basalt.execution.trie;

import static io.basalt.execution.trie.TrieTestSupport.bytesOf;
import static io.basalt.execution.trie.TrieTestSupport.memoryNodeStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.Hash;
import io.basalt.execution.rlp.Rlp;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Roots published by Ethereum: ethereum/tests {@code TrieTests/trietest.json} (operations applied
 * in order, a null value deletes) and the {@code trieanyorder} cases also used by geth and parity's
 * triehash, reconstructed here.
 */
class TrieVectorTest {

  @Test
  void emptyTrieRootShouldBeKeccakOfTheEmptyString() {
    assertThat(MerklePatriciaTrie.empty(memoryNodeStore()).rootHash())
        .isEqualTo(
            Bytes32.fromHexString(
                "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"))
        .isEqualTo(Hash.keccak256(Rlp.EMPTY_STRING));
  }

  @Test
  void emptyValues() {
    assertRoot(
        "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84",
        "do",
        "verb",
        "ether",
        "wookiedoo",
        "horse",
        "stallion",
        "shaman",
        "horse",
        "doge",
        "coin",
        "ether",
        null,
        "dog",
        "puppy",
        "shaman",
        null);
  }

  @Test
  void puppyInAnyOrder() {
    assertRoot(
        "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84",
        "do",
        "verb",
        "dog",
        "puppy",
        "doge",
        "coin",
        "horse",
        "stallion");
    assertRoot(
        "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84",
        "horse",
        "stallion",
        "doge",
        "coin",
        "dog",
        "puppy",
        "do",
        "verb");
  }

  @Test
  void dogs() {
    assertRoot(
        "0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3",
        "doe",
        "reindeer",
        "dog",
        "puppy",
        "dogglesworth",
        "cat");
  }

  @Test
  void singleItemWithALongValue() {
    assertRoot(
        "0xd23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab",
        "A",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  }

  @Test
  void secureTrieOfDogs() {
    SecureTrie trie = SecureTrie.empty(memoryNodeStore());
    trie.put(bytesOf("doe"), bytesOf("reindeer"));
    trie.put(bytesOf("dog"), bytesOf("puppy"));
    trie.put(bytesOf("dogglesworth"), bytesOf("cat"));
    assertThat(trie.rootHash())
        .isEqualTo(
            Bytes32.fromHexString(
                "0xd4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585"));
  }

  @Test
  void branchingTestsShouldReturnToTheEmptyRoot() {
    String[] addresses = {
      "0x04110d816c380812a427968ece99b1c963dfbce6", "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
      "0x0a517d755cebbf66312b30fff713666a9cb917e0", "0x24dd378f51adc67a50e339e8031fe9bd4aafab36",
      "0x293f982d000532a7861ab122bdc4bbfd26bf9030", "0x2cf5732f017b0cf1b1f13a1478e10239716bf6b5",
      "0x31c640b92c21a1f1465c91070b4b3b4d6854195f", "0x37f998764813b136ddf5a754f34063fd03065e36",
      "0x37fa399a749c121f8a15ce77e3d9f9bec8020d7a", "0x4f36659fa632310b6ec438dea4085b522a2dd077",
      "0x62c01474f089b07dae603491675dc5b5748f7049", "0x729af7294be595a0efd7d891c9e51f89c07950c7",
      "0x83e3e5a16d3b696a0314b30b2534804dd5e11197", "0x8703df2417e0d7c59d063caa9583cb10a4d20532",
      "0x8dffcd74e5b5923512916c6a64b502689cfa65e1", "0x95a4d7cccb5204733874fa87285a176fe1e9e240",
      "0x99b2fcba8120bedd048fe79f5262a6690ed38c39", "0xa4202b8b8afd5354e3e40a219bdc17f6001bf2cf",
      "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b", "0xa9647f4a0a14042d91dc33c0328030a7157c93ae",
      "0xaa6cffe5185732689c18f37a7f86170cb7304c2a", "0xaae4a2e3c51c04606dcb3723456e58f3ed214f45",
      "0xc37a43e940dfb5baf581a0b82b351d48305fc885", "0xd2571607e241ecf590ed94b12d87c94babe36db6",
      "0xf735071cbee190d76b704ce68384fc21e389fbe7",
    };
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(memoryNodeStore());
    for (String address : addresses) {
      trie.put(bytesOf(address), bytesOf("something"));
    }
    assertThat(trie.rootHash()).isNotEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
    for (String address : addresses) {
      trie.remove(bytesOf(address));
    }
    assertThat(trie.rootHash()).isEqualTo(MerklePatriciaTrie.EMPTY_ROOT);
    assertThat(trie.isEmpty()).isTrue();
  }

  @Test
  void jeff() {
    assertRoot(
        "0x9f6221ebb8efe7cff60a716ecb886e67dd042014be444669f0159d8e68b42100",
        "0x0000000000000000000000000000000000000000000000000000000000000045",
        "0x22b224a1420a802ab51d326e29fa98e34c4f24ea",
        "0x0000000000000000000000000000000000000000000000000000000000000046",
        "0x67706c2076330000000000000000000000000000000000000000000000000000",
        "0x0000000000000000000000000000000000000000000000000000001234567890",
        "0x697c7b8c961b56f675d570498424ac8de1a918f6",
        "0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6",
        "0x1234567890",
        "0x0000000000000000000000007ef9e639e2733cb34e4dfc576d4b23f72db776b2",
        "0x4655474156000000000000000000000000000000000000000000000000000000",
        "0x000000000000000000000000ec4f34c97e43fbb2816cfd95e388353c7181dab1",
        "0x4e616d6552656700000000000000000000000000000000000000000000000000",
        "0x4655474156000000000000000000000000000000000000000000000000000000",
        "0x7ef9e639e2733cb34e4dfc576d4b23f72db776b2",
        "0x4e616d6552656700000000000000000000000000000000000000000000000000",
        "0xec4f34c97e43fbb2816cfd95e388353c7181dab1",
        "0x0000000000000000000000000000000000000000000000000000001234567890",
        null,
        "0x000000000000000000000000697c7b8c961b56f675d570498424ac8de1a918f6",
        "0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000",
        "0x6f6f6f6820736f2067726561742c207265616c6c6c793f000000000000000000",
        "0x697c7b8c961b56f675d570498424ac8de1a918f6");
  }

  @Test
  void insertMiddleLeaf() {
    assertRoot(
        "0xcb65032e2f76c48b82b5c24b3db8f670ce73982869d38cd39a624f23d62a9e89",
        "key1aa",
        "0123456789012345678901234567890123456789xxx",
        "key1",
        "0123456789012345678901234567890123456789Very_Long",
        "key2bb",
        "aval3",
        "key2",
        "short",
        "key3cc",
        "aval3",
        "key3",
        "1234567890123456789012345678901");
  }

  /** Applies key/value pairs in order (a null value removes the key) and checks the root. */
  private static void assertRoot(String expectedRoot, String... keysAndValues) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.empty(memoryNodeStore());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String value = keysAndValues[i + 1];
      if (value == null) {
        trie.remove(bytesOf(keysAndValues[i]));
      } else {
        trie.put(bytesOf(keysAndValues[i]), bytesOf(value));
      }
    }
    assertThat(trie.rootHash()).isEqualTo(Bytes32.fromHexString(expectedRoot));
    // The same root after a commit and a reopen from the store.
    Bytes32 committed = trie.commit();
    assertThat(committed).isEqualTo(Bytes32.fromHexString(expectedRoot));
  }
}
