package io.cordon.bench.park;

import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkValidator;
import io.cordon.domain.park.ParkViolation;
import io.cordon.server.park.ParkFileLoader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What loading a park plan costs: the sample park parsed from GeoJSON and validated, and the
 * validation rules alone on the already loaded park. JMH options on the command line override the
 * defaults below.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// the parser keeps getting faster for ~8 s of warm-up on 2 cores; shorter runs measure the JIT
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParkValidationBenchmark {

  private Park sample;

  @Setup
  public void loadSample() {
    sample = ParkFileLoader.loadSample();
  }

  @Benchmark
  public Park parseAndValidateSample() {
    return ParkFileLoader.loadSample();
  }

  @Benchmark
  public List<ParkViolation> validateLoadedSample() {
    return ParkValidator.validate(sample);
  }
}
