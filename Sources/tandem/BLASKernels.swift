import CLinearAlgebra
import Foundation

/// Makes OpenBLAS use the kernels this CPU can run.
///
/// OpenBLAS picks its kernels by CPU model when the library loads, before
/// `main`. A model it does not know — OpenBLAS 0.3.21 (Debian 12) and the
/// "Intel(R) Xeon(R) Processor" a cloud VM reports — gets its most generic
/// kernels, Prescott's SSE3, although the CPU may have AVX-512. So when the
/// user has not chosen (`OPENBLAS_CORETYPE` unset) and OpenBLAS fell back to
/// Prescott, `tandem` sets `OPENBLAS_CORETYPE` from the CPU's own feature
/// flags and starts itself again (about 10 ms). Scores are exact integer
/// products in any kernel, so the answer is the same byte for byte; only the
/// time differs: validating 34,000 × 16,000 took 5.4 s with Prescott's
/// kernels and 3.3 s with SkylakeX's on this project's 2-core VM (hyperfine,
/// 5 runs).
enum BLASKernels {
    /// Starts `tandem` again with the best kernels the CPU supports, when
    /// OpenBLAS fell back to generic ones and nobody chose; returns otherwise.
    static func useTheCPUsOwn() {
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
            let name = openblas_get_corename(), String(cString: name).lowercased() == "prescott",
            let flags = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let core = core(flags: flags)
        else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        // Returns only if the program cannot be started again: then carry on as we are.
        execv("/proc/self/exe", CommandLine.unsafeArgv)
    }

    /// The OpenBLAS core type for the first CPU's feature flags in
    /// `/proc/cpuinfo`'s text, or `nil` when it has neither AVX-512 nor AVX2.
    static func core(flags cpuinfo: String) -> String? {
        guard let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }).map(String.init))
        if flags.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]) { return "SkylakeX" }
        if flags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        return nil
    }
}
