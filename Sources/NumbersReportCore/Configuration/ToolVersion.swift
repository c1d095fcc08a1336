/// The version of numbers-report, written into snapshots and sent as `User-Agent`.
public enum ToolVersion {
    public static let current = "0.1.0"
}
