import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The median of `runs` timings of `body`, in milliseconds.
func medianMilliseconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    return times.sorted()[times.count / 2]
}

/// The process's peak resident memory so far, in MB.
func peakMegabytes() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Ends the benchmark with a message on standard error.
func fail(_ message: String, code: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("coach-bench: \(message)\n".utf8))
    exit(code)
}
