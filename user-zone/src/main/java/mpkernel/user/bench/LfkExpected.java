package mpkernel.user.bench;

/**
 * The expected checksums of the Livermore kernels, {@code CHECKSUM[part][kernel]} (index 0 of
 * each row unused), against which the program verifies itself.
 *
 * <p>How it was produced: generated once by {@code LivermoreTest} from {@code LfkReference}, an
 * independent computation of the kernels on plain Java arrays written in the FORTRAN notation of
 * McMahon's report, starting from the inputs of {@link LfkInputs}. At which size: every part at
 * the report's DO spans ({@link LfkParams#SPAN}) with one sample of {@code LfkParams.LOOP[part][k]
 * * 10} passes ({@link LfkParams#passes}). Because every sample starts from freshly prepared data
 * ({@link LfkSetup}), the same table holds for every {@code --size} and {@code --samples}. The
 * values are exact for any JVM: the kernels use only IEEE operations Java evaluates as written,
 * {@link Math#sqrt} (correctly rounded) and {@link StrictMath#exp}. If the kernels, inputs, spans
 * or pass counts change, {@code LivermoreTest} fails and prints the regenerated table.
 */
final class LfkExpected {

    static final double[][] CHECKSUM = {
        {0.0,
            51712.951870299876,
            1544.2466101197233,
            9.998036043293691,
            49633.359158242536,
            4557.197767694827,
            4393.102450017309,
            60938.32096299779,
            153095.00859898745,
            329982.1035759938,
            204282.72835748215,
            3.3472820739217676E7,
            -0.535790023685045,
            4.060821838864307E9,
            2.998399456204147E9,
            39364.56144112434,
            37979.0,
            1684.7404872384752,
            102680.62691155206,
            541.6282044785447,
            6.1554361764179066E7,
            8280830.51188503,
            7334.1318723777995,
            36002.832605977885,
            500.0,
        },
        {0.0,
            531.15657242266,
            1544.2466101197233,
            1.0075067010268453,
            49937.75978691883,
            46.850492128172974,
            86.48368860682095,
            633.3602774993664,
            153095.00859898745,
            329982.1035759938,
            204282.72835748215,
            34870.23416546067,
            -0.02479348469697487,
            1.1518971404811366E9,
            4.300207399029723E7,
            39364.56144112434,
            21724.0,
            1684.7404872384752,
            101381.50703255786,
            541.6282044785447,
            67955.33990596297,
            2030355.065928442,
            7334.1318723777995,
            35978.61804866417,
            50.0,
        },
        {0.0,
            38.972238502513896,
            39.49415366720838,
            0.26978225442150056,
            49961.1836253374,
            3.504867834333879,
            1.1203711930484208,
            28.43518178636411,
            153122.77419615723,
            7276.718554043786,
            4550.829784051654,
            692.1868213620919,
            0.02952101955014659,
            5.622179040809864E7,
            5130929.1641143095,
            48577.51124414104,
            4389.0,
            43.20690219789703,
            100383.3153286648,
            12.738607197931442,
            1515.89564262535,
            324977.29420326,
            407.03720925388564,
            26255.310278894125,
            13.0,
        },
    };

    private LfkExpected() {
    }
}
