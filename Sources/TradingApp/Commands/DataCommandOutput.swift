import ArgumentParser

/// What a data or runs command prints and its exit status; commands return it so tests can check both.
struct DataCommandOutput: Sendable, Equatable {
    /// Text for standard output (ends with a newline when not empty).
    var text: String
    /// 0 for success.
    var exitCode: Int32

    init(_ lines: [String], exitCode: Int32 = 0) {
        self.text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        self.exitCode = exitCode
    }

    /// Prints the text and turns a non-zero status into the process exit code.
    func emit() throws {
        print(text, terminator: "")
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
