/// Logging could not be set up as configured.
public enum LoggingSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `logging.file` could not be created or opened for appending.
    case cannotOpenFile(path: String, reason: String)

    /// The message, naming the setting, the path and what is expected.
    public var description: String {
        switch self {
        case let .cannotOpenFile(path, reason):
            return "logging.file: cannot open '\(path)' for appending (\(reason)); expected a writable file path "
                + "or empty for standard output only"
        }
    }
}
