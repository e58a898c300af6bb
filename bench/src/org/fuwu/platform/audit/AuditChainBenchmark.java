package org.fuwu.platform.audit;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The hash of one audit record; the verifier pays it once per record. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AuditChainBenchmark {

    private final AuditRow row = new AuditRow(123_456, Instant.parse("2026-11-23T08:00:00.123456Z"), "teller1", "10.1.2.3",
            "customer.update", "customer:4711", "SUCCESS", "{\"fields\":\"segment\"}", AuditChain.GENESIS, null);

    @Benchmark
    public String hashOneRecord() {
        return AuditChain.hash(AuditChain.GENESIS, row);
    }
}
