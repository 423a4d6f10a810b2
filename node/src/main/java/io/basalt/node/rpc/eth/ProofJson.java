package io.basalt.node.rpc.eth;

import io.basalt.execution.state.AccountProof;
import io.basalt.execution.state.StorageProof;
import io.basalt.node.rpc.RpcHex;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/** The EIP-1186 result of {@code eth_getProof}. */
public final class ProofJson {

  private ProofJson() {}

  public static Map<String, Object> of(AccountProof proof) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("address", proof.address().toHexString());
    json.put("accountProof", proof.accountProof().stream().map(Bytes::toHexString).toList());
    json.put("balance", RpcHex.quantity(proof.balance().value()));
    json.put("codeHash", proof.codeHash().toHexString());
    json.put("nonce", RpcHex.quantity(proof.nonce()));
    json.put("storageHash", proof.storageHash().toHexString());
    json.put("storageProof", proof.storageProof().stream().map(ProofJson::storage).toList());
    return json;
  }

  private static Map<String, Object> storage(StorageProof proof) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", proof.key().toHexString());
    json.put("value", RpcHex.quantity(proof.value()));
    json.put("proof", proof.proof().stream().map(Bytes::toHexString).toList());
    return json;
  }
}
