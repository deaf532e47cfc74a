import Foundation

/// Appends log lines to a file and rotates it by size: when the next line would take the file past
/// ``maxBytes``, `app.log` becomes `app.log.1`, `app.log.1` becomes `app.log.2`, ... and the file beyond
/// ``keepFiles`` is deleted; the line then starts a new `app.log`. Lines are never split or lost across a
/// rotation (one lock covers the size check, the rotation and the write).
public final class RotatingFileLogSink: LogSink, @unchecked Sendable {
    /// The live file.
    public let path: String
    /// The size at which the file is rotated (a single longer line is still written whole).
    public let maxBytes: Int
    /// How many rotated files are kept (`path.1` ... `path.N`); 0 deletes the full file.
    public let keepFiles: Int

    private let lock = NSLock()
    private var handle: FileHandle?
    private var size: Int

    /// Opens (creating it and its directory if needed) `path` for appending.
    ///
    /// - Throws: ``LoggingSetupError/cannotOpenFile(path:reason:)``.
    public init(path: String, maxBytes: Int, keepFiles: Int) throws {
        self.path = path
        self.maxBytes = max(1, maxBytes)
        self.keepFiles = max(0, keepFiles)
        (handle, size) = try Self.open(path)
    }

    /// Writes `line` and a newline, rotating first if the line would not fit.
    public func write(_ line: String) {
        let data = Data((line + "\n").utf8)
        lock.withLock {
            guard handle != nil else { return }
            if size > 0, size + data.count > maxBytes { rotate() }
            guard let handle else { return }
            do {
                try handle.write(contentsOf: data)
                size += data.count
            } catch {
                Self.report("cannot write to \(path): \(error)")
            }
        }
    }

    /// Closes the file; later lines are dropped.
    public func close() {
        lock.withLock {
            try? handle?.close()
            handle = nil
        }
    }

    /// The path of the `index`-th rotated file (`path.index`).
    public func rotatedPath(_ index: Int) -> String { "\(path).\(index)" }

    /// Shifts the files by one and reopens an empty live file (called with the lock held).
    private func rotate() {
        try? handle?.close()
        handle = nil
        let files = FileManager.default
        if keepFiles == 0 {
            try? files.removeItem(atPath: path)
        } else {
            try? files.removeItem(atPath: rotatedPath(keepFiles))
            for index in stride(from: keepFiles - 1, through: 1, by: -1) where files.fileExists(atPath: rotatedPath(index)) {
                try? files.moveItem(atPath: rotatedPath(index), toPath: rotatedPath(index + 1))
            }
            try? files.moveItem(atPath: path, toPath: rotatedPath(1))
        }
        do {
            (handle, size) = try Self.open(path)
        } catch {
            Self.report("\(error)")
        }
    }

    private static func open(_ path: String) throws -> (FileHandle, Int) {
        let files = FileManager.default
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if !files.fileExists(atPath: path) {
                guard files.createFile(atPath: path, contents: nil) else {
                    throw LoggingSetupError.cannotOpenFile(path: path, reason: "cannot create the file")
                }
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            let end = try handle.seekToEnd()
            return (handle, Int(end))
        } catch let error as LoggingSetupError {
            throw error
        } catch {
            throw LoggingSetupError.cannotOpenFile(path: path, reason: "\(error)")
        }
    }

    /// Logging cannot log its own failure: say it once on standard error.
    private static func report(_ message: String) {
        FileHandle.standardError.write(Data("graphwiz logging: \(message)\n".utf8))
    }
}
