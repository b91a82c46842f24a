import ArgumentParser
import Foundation

/// Writing to the terminal: results to stdout, messages and progress to stderr, so
/// `snoei analyze --format json > out.json` stays clean.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) != 0

    static func out(_ text: String = "") {
        print(text)
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        note("error: " + text)
    }

    /// Prints `message` and returns the exit code to throw.
    static func failure(_ message: String, code: Int32) -> ExitCode {
        error(message)
        return ExitCode(code)
    }
}

/// A single progress line on an interactive terminal, rewritten in place; silent when
/// stderr is a file or pipe, so logs carry no carriage returns.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var lastWidth = 0
    private var lastDraw = Date.distantPast
    private let enabled: Bool

    init(enabled: Bool = Terminal.isInteractive) { self.enabled = enabled }

    func update(_ text: String, force: Bool = false) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let padding = String(repeating: " ", count: max(0, lastWidth - text.count))
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
        lastWidth = text.count
    }

    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if lastWidth > 0 {
            FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: lastWidth) + "\r").utf8))
        }
        lastWidth = 0
    }
}

/// A plain text table with right-aligned numeric columns.
struct TextTable {
    var headers: [String]
    var rightAligned: Set<Int> = []
    var rows: [[String]] = []

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out = [line(headers), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n")
    }
}
