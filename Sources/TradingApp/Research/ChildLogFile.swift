import Foundation

/// Where a spawned child's standard output and error go: a file the parent reads whenever it wants to look.
struct ChildLogFile: Sendable {
    /// The file.
    let url: URL

    init(_ url: URL) { self.url = url }

    /// Creates (empties) the file and opens it for the child; close the parent's handle after launching.
    func handleForWriting() throws -> FileHandle {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return try FileHandle(forWritingTo: url)
    }

    /// Everything the child wrote so far.
    var text: String { (try? String(contentsOf: url, encoding: .utf8)) ?? "" }
}
