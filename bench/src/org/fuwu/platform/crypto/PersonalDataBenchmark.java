package org.fuwu.platform.crypto;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The cost of protecting one identifier: AES-256-GCM encrypt and decrypt, and the HMAC blind index. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PersonalDataBenchmark {

    private AesGcmPersonalData pd;
    private String cipherText;

    @Setup
    public void setUp() throws Exception {
        pd = new AesGcmPersonalData(CryptoConfiguration.demoKey(Files.createTempDirectory("bench").resolve("k")));
        cipherText = pd.encrypt("110101199003071234");
    }

    @Benchmark
    public String encryptIdNumber() {
        return pd.encrypt("110101199003071234");
    }

    @Benchmark
    public String decryptIdNumber() {
        return pd.decrypt(cipherText);
    }

    @Benchmark
    public String blindIndexMobile() {
        return pd.blindIndex("mobile", "13812345678");
    }
}
