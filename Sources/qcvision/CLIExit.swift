import ArgumentParser

/// Exit codes of `qcvision`, the same for every subcommand.
enum CLIExit {
    /// Everything worked and nothing was out of tolerance.
    static let ok = ExitCode(0)
    /// At least one input could not be processed (unreadable photo, no ruler...); the rest were.
    static let inputFailed = ExitCode(1)
    /// A measured unit or lot failed its checks (compare, lot score).
    static let rejected = ExitCode(3)
    // ArgumentParser uses 64 (EX_USAGE) for invalid command lines.
}
