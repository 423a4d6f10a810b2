package io.basalt.settlement;

import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.settlement.trust.TrustedValidatorSet;
import io.basalt.settlement.verify.BatchClaim;
import io.basalt.settlement.verify.SettlementVerifier;
import io.basalt.settlement.verify.VerificationResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * End-to-end verification of one commitment proof and one finality proof (64 validators, two links
 * of four 16-member aggregates each: eight pairings), with the trusted set's keys already decoded,
 * as a client holding a set would run it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SettlementVerifierBenchmark {

  private SettlementVerifier verifier;
  private TrustedValidatorSet trusted;
  private BatchClaim claim;
  private CommitmentProof commitment;
  private FinalityProof finality;

  @Setup
  public void setUp() {
    ProofFixture fixture = new ProofFixture();
    verifier = new SettlementVerifier(ProofFixture.CONFIG);
    trusted = fixture.trusted();
    claim = fixture.claim();
    commitment = fixture.commitment;
    finality = fixture.finality();
    if (!verifier.verify(trusted, claim, commitment, finality).isValid()) {
      throw new IllegalStateException("the benchmark proof does not verify");
    }
  }

  @Benchmark
  public VerificationResult verifyCommitmentAndFinality() {
    return verifier.verify(trusted, claim, commitment, finality);
  }
}
