import Foundation
import GraphwizConfig
import Testing
@testable import TradingApp

@Suite struct LoggingRotationTests {
    /// A fresh temp directory.
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("graphwiz-logging-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// `line-0001` ... : 9 characters plus the newline, 10 bytes each.
    static func line(_ n: Int) -> String { "line-" + String(repeating: "0", count: 4 - String(n).count) + String(n) }

    @Test func rotatesBySizeAndKeepsExactlyTheConfiguredNumberOfFiles() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("logs/app.log").path
        let sink = try RotatingFileLogSink(path: path, maxBytes: 100, keepFiles: 2)
        for n in 1...35 { sink.write(Self.line(n)) }
        sink.close()
        #expect(try Self.lines(path) == (31...35).map(Self.line))
        #expect(try Self.lines(path + ".1") == (21...30).map(Self.line))
        #expect(try Self.lines(path + ".2") == (11...20).map(Self.line))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("logs").path).sorted()
            == ["app.log", "app.log.1", "app.log.2"])
    }

    @Test func keepingNoFilesDeletesTheFullFile() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("app.log").path
        let sink = try RotatingFileLogSink(path: path, maxBytes: 50, keepFiles: 0)
        for n in 1...12 { sink.write(Self.line(n)) }
        sink.close()
        #expect(try Self.lines(path) == (11...12).map(Self.line))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["app.log"])
    }

    @Test func reopeningAppendsAndCountsTheExistingSize() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("app.log").path
        let first = try RotatingFileLogSink(path: path, maxBytes: 30, keepFiles: 3)
        for n in 1...2 { first.write(Self.line(n)) }
        first.close()
        let second = try RotatingFileLogSink(path: path, maxBytes: 30, keepFiles: 3)
        for n in 3...4 { second.write(Self.line(n)) }
        second.close()
        #expect(try Self.lines(path + ".1") == (1...3).map(Self.line))
        #expect(try Self.lines(path) == [Self.line(4)])
    }

    @Test func concurrentWritersLoseAndSplitNoLineAcrossRotations() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("app.log").path
        let sink = try RotatingFileLogSink(path: path, maxBytes: 1_000, keepFiles: 1_000)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for n in 0..<500 { sink.write("w\(writer)-\(Self.line(n))") }
                }
            }
        }
        sink.close()
        var all: [String] = try Self.lines(path)
        var index = 1
        while FileManager.default.fileExists(atPath: "\(path).\(index)") {
            all += try Self.lines("\(path).\(index)")
            index += 1
        }
        let expected = Set((0..<8).flatMap { writer in (0..<500).map { "w\(writer)-\(Self.line($0))" } })
        #expect(all.count == 4_000)
        #expect(Set(all) == expected)
        #expect(index - 1 == 52)  // 13-byte lines, 76 per 1,000-byte file: 52 full rotated files and 48 lines live
    }

    @Test func applyingTheSameFileAgainKeepsTheOpenFile() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var config = LoggingConfig()
        config.file = dir.appendingPathComponent("graphwiz.log").path
        config.stdout = false
        config.format = .text
        let runtime = LoggingRuntime(now: { 0 })
        try runtime.apply(config)
        runtime.logger("graphwiz.service").info("first")
        config.level = .debug
        try runtime.apply(config)
        runtime.logger("graphwiz.service").debug("second")
        #expect(try Self.lines(config.file) == [
            "1970-01-01T00:00:00.000Z info [graphwiz.service] first",
            "1970-01-01T00:00:00.000Z debug [graphwiz.service] second",
        ])
    }

    @Test func anUnwritableFileIsReportedWithItsSetting() throws {
        var config = LoggingConfig()
        config.file = "/dev/null/graphwiz.log"
        let runtime = LoggingRuntime()
        #expect {
            try runtime.apply(config)
        } throws: { error in
            "\(error)".hasPrefix("logging.file: cannot open '/dev/null/graphwiz.log' for appending (")
        }
    }
}
