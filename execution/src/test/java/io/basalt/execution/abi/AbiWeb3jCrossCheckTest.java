package io.basalt.execution.abi;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Int64;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;

/** Basalt's codec against web3j's, an independent implementation, on random values. */
class AbiWeb3jCrossCheckTest {

  private static final AbiFunction MIXED =
      AbiFunction.parse(
          "mixed(uint32,uint256,int64,address,bool,bytes32,bytes,string,uint256[],bytes[])",
          "uint32,uint256,int64,address,bool,bytes32,bytes,string,uint256[],bytes[]");

  /** One random argument list, as Basalt values and as web3j values. */
  record Sample(List<Object> basalt, List<Type> web3j) {}

  @Provide
  Arbitrary<Sample> samples() {
    Arbitrary<BigInteger> uint32 =
        Arbitraries.longs().between(0, 0xffffffffL).map(BigInteger::valueOf);
    Arbitrary<BigInteger> uint256 =
        Arbitraries.bigIntegers()
            .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    Arbitrary<Long> int64 = Arbitraries.longs();
    Arbitrary<byte[]> address = Arbitraries.bytes().array(byte[].class).ofSize(20);
    Arbitrary<Boolean> bool = Arbitraries.of(true, false);
    Arbitrary<byte[]> bytes32 = Arbitraries.bytes().array(byte[].class).ofSize(32);
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
    Arbitrary<String> string =
        Arbitraries.strings().withCharRange('a', 'z').withChars('é', '€', ' ', 'ß').ofMaxLength(70);
    Arbitrary<List<BigInteger>> uints = uint256.list().ofMaxSize(5);
    Arbitrary<List<byte[]>> byteLists = bytes.list().ofMaxSize(4);
    return Combinators.combine(
            Combinators.combine(uint32, uint256, int64, address, bool).as(List::<Object>of),
            Combinators.combine(bytes32, bytes, string, uints, byteLists).as(List::<Object>of))
        .as(AbiWeb3jCrossCheckTest::sample);
  }

  @SuppressWarnings("unchecked")
  private static Sample sample(List<Object> first, List<Object> second) {
    BigInteger u32 = (BigInteger) first.get(0);
    BigInteger u256 = (BigInteger) first.get(1);
    long i64 = (Long) first.get(2);
    byte[] address = (byte[]) first.get(3);
    boolean bool = (Boolean) first.get(4);
    byte[] b32 = (byte[]) second.get(0);
    byte[] bytes = (byte[]) second.get(1);
    String string = (String) second.get(2);
    List<BigInteger> uints = (List<BigInteger>) second.get(3);
    List<byte[]> byteList = (List<byte[]>) second.get(4);
    List<Object> basalt =
        List.of(
            u32,
            u256,
            BigInteger.valueOf(i64),
            new Address(Bytes.wrap(address)),
            bool,
            Bytes.wrap(b32),
            Bytes.wrap(bytes),
            string,
            uints,
            byteList.stream().map(Bytes::wrap).toList());
    List<Type> web3j =
        List.of(
            new Uint32(u32),
            new Uint256(u256),
            new Int64(i64),
            new org.web3j.abi.datatypes.Address(Bytes.wrap(address).toHexString()),
            new Bool(bool),
            new Bytes32(b32),
            new DynamicBytes(bytes),
            new Utf8String(string),
            new DynamicArray<>(Uint256.class, uints.stream().map(Uint256::new).toList()),
            new DynamicArray<>(
                DynamicBytes.class, byteList.stream().map(DynamicBytes::new).toList()));
    return new Sample(basalt, web3j);
  }

  private static List<TypeReference<?>> web3jOutputs() {
    return List.of(
        new TypeReference<Uint32>() {},
        new TypeReference<Uint256>() {},
        new TypeReference<Int64>() {},
        new TypeReference<org.web3j.abi.datatypes.Address>() {},
        new TypeReference<Bool>() {},
        new TypeReference<Bytes32>() {},
        new TypeReference<DynamicBytes>() {},
        new TypeReference<Utf8String>() {},
        new TypeReference<DynamicArray<Uint256>>() {},
        new TypeReference<DynamicArray<DynamicBytes>>() {});
  }

  @Property(tries = 200)
  void shouldEncodeCallsAsWeb3jDoes(@ForAll("samples") Sample sample) {
    String web3j = FunctionEncoder.encode(new Function("mixed", sample.web3j(), List.of()));

    assertThat(MIXED.encodeCall(sample.basalt())).isEqualTo(Bytes.fromHexString(web3j));
  }

  @Property(tries = 200)
  void shouldDecodeWhatWeb3jEncodes(@ForAll("samples") Sample sample) throws AbiDecodingException {
    Bytes web3j =
        Bytes.fromHexString(
            FunctionEncoder.encode(new Function("mixed", sample.web3j(), List.of())));

    assertThat(MIXED.decodeArguments(web3j.slice(4)).toString())
        .isEqualTo(sample.basalt().toString());
  }

  @Property(tries = 200)
  @SuppressWarnings({"rawtypes", "unchecked"})
  void shouldReturnDataWeb3jDecodes(@ForAll("samples") Sample sample) {
    Bytes encoded = MIXED.encodeReturn(sample.basalt());

    List<Type> decoded = FunctionReturnDecoder.decode(encoded.toHexString(), (List) web3jOutputs());

    assertThat(decoded).isEqualTo(sample.web3j());
  }

  @Test
  void shouldComputeEventTopicsAsWeb3jDoes() {
    AbiEvent event =
        AbiEvent.parse(
            "CrossShardTransferInitiated(uint32 indexed,address indexed,address indexed,uint256)");
    Event web3jEvent =
        new Event(
            "CrossShardTransferInitiated",
            List.of(
                new TypeReference<Uint32>(true) {},
                new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
                new TypeReference<Uint256>(false) {}));
    Address from = Address.fromHexString("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    Address to = Address.fromHexString("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    var log = event.toLog(to, List.of(BigInteger.valueOf(3), from, to, BigInteger.TEN.pow(18)));

    assertThat(log.topics().get(0).toHexString()).isEqualTo(EventEncoder.encode(web3jEvent));
    assertThat(log.topics().get(1)).isEqualTo(bytes(TypeEncoder.encode(new Uint32(3))));
    assertThat(log.topics().get(2))
        .isEqualTo(
            bytes(TypeEncoder.encode(new org.web3j.abi.datatypes.Address(from.toHexString()))));
    assertThat(log.data())
        .isEqualTo(bytes(TypeEncoder.encode(new Uint256(BigInteger.TEN.pow(18)))));
  }

  @Test
  void shouldHashDynamicIndexedValues() {
    AbiEvent event = AbiEvent.parse("E(bytes indexed,string indexed,uint256[] indexed)");
    Bytes raw = Bytes.fromHexString("0x010203");

    var log =
        event.toLog(Address.ZERO, List.of(raw, "hé", List.of(BigInteger.ONE, BigInteger.TWO)));

    assertThat(log.topics().get(1)).isEqualTo(Hash.keccak256(raw));
    assertThat(log.topics().get(2))
        .isEqualTo(Hash.keccak256(Bytes.wrap("hé".getBytes(StandardCharsets.UTF_8))));
    List<Bytes> words = new ArrayList<>();
    words.add(bytes(TypeEncoder.encode(new Uint256(1))));
    words.add(bytes(TypeEncoder.encode(new Uint256(2))));
    assertThat(log.topics().get(3)).isEqualTo(Hash.keccak256(Bytes.concatenate(words)));
    assertThat(log.data()).isEqualTo(Bytes.EMPTY);
  }

  private static Bytes bytes(String hex) {
    return Bytes.fromHexString(hex);
  }
}
