#if canImport(Glibc)
    import Glibc
#endif

/// Reading and writing past the page cache (Linux's `O_DIRECT`): the bytes go between the disk and an aligned
/// buffer of the process, without a copy in the kernel's page cache, which on a busy machine costs more CPU than
/// the rest of writing a file. Addresses, lengths and file offsets must be multiples of ``alignment``.
public enum DirectIO {
    /// `O_DIRECT`, which Glibc's module does not give Swift (its header defines it only for `_GNU_SOURCE`): Linux's
    /// value on each architecture (`asm/fcntl.h`); 0 where it is not known here, and nothing is done directly.
    #if os(Linux) && (arch(x86_64) || arch(i386))
        public static let openFlag: Int32 = 0o40000
    #elseif os(Linux) && (arch(arm64) || arch(arm))
        public static let openFlag: Int32 = 0o200000
    #else
        public static let openFlag: Int32 = 0
    #endif

    /// The alignment `O_DIRECT` asks of addresses, lengths and offsets (a page: it covers every block size up to it).
    public static let alignment = 4096

    /// Whether this system can do it at all.
    public static var isAvailable: Bool { openFlag != 0 }

    /// Clears `O_DIRECT` on an open descriptor: it goes on through the page cache.
    /// - Returns: false when `fcntl` fails (`errno` says why).
    public static func stop(descriptor: Int32) -> Bool {
        #if os(Linux)
            let flags = fcntl(descriptor, F_GETFL)
            return flags >= 0 && fcntl(descriptor, F_SETFL, flags & ~openFlag) == 0
        #else
            return true
        #endif
    }
}
