import Foundation

/// Resource use of this process read from `/proc/self` (Linux); nil fields where unavailable.
public struct ProcessStats: Sendable, Hashable {
    /// Resident set size in bytes.
    public var residentBytes: Double?
    /// User plus system CPU time in seconds.
    public var cpuSeconds: Double?
    /// Open file descriptors.
    public var openFileDescriptors: Double?

    /// Reads the current figures.
    public static func current() -> ProcessStats {
        ProcessStats(residentBytes: residentBytes(), cpuSeconds: cpuSeconds(), openFileDescriptors: openFDs())
    }

    /// `/proc/self/statm` field 2 (resident pages) times the page size.
    static func residentBytes() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return nil }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// `/proc/self/stat` utime + stime (fields 14 and 15) over the clock tick rate.
    static func cpuSeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // Fields after the command name start at field 3.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Entries of `/proc/self/fd`.
    static func openFDs() -> Double? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")).map { Double($0.count) }
    }
}
