import Foundation

/// Standard error: one `write` per call, so lines from several threads stay whole.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether standard error is a terminal (live progress is drawn only there).
    static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
