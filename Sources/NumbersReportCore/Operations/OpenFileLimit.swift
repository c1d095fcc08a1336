#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's limit on open files. A run holds a few scratch files for every scope until it publishes (keys and
/// rows for the comparison, the workbook's rows: four a scope, eight while it is read), so a config of hundreds of
/// scopes would pass systemd's default soft limit of 1,024; the hard limit (524,288 under systemd) is far above.
public enum OpenFileLimit {
    /// Raises the soft limit to the hard limit, as systemd advises programs that need many files to do; a
    /// failure leaves the limit as it was (the run then fails, naming the file it could not open, only if it needs more).
    public static func raise() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
