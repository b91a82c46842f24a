/// One problem found while importing, pointing at the file, the physical line where the
/// offending record starts (header = 1) and, where one applies, the 1-based field number.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var file: String
    /// 1-based physical line; 0 when the problem concerns the file as a whole.
    public var line: Int
    public var column: Int?
    public var reason: String
    public var severity: Severity

    public init(file: String, line: Int, column: Int? = nil, reason: String, severity: Severity = .error) {
        self.file = file; self.line = line; self.column = column; self.reason = reason; self.severity = severity
    }

    /// `file:line:column: reason`, the form compilers use so editors can jump to it.
    public var description: String {
        if line <= 0 { return "\(file): \(reason)" }
        if let column { return "\(file):\(line):\(column): \(reason)" }
        return "\(file):\(line): \(reason)"
    }
}

public struct ImportOptions: Sendable {
    public var ignoreUnknownColumns: Bool = false
    /// Errors kept in full; the rest are only counted, so a broken 20M-row file cannot
    /// exhaust memory with problem reports.
    public var maxErrors: Int = 100
    /// File size and row count bounds, for canonical files and exports alike.
    public var limits: ImportLimits = .init()

    public init(ignoreUnknownColumns: Bool = false, maxErrors: Int = 100, limits: ImportLimits = .init()) {
        self.ignoreUnknownColumns = ignoreUnknownColumns; self.maxErrors = maxErrors; self.limits = limits
    }
}

public struct ImportProgress: Sendable {
    public var file: String
    public var bytesDone: Int
    public var bytesTotal: Int
    public var rows: Int

    public init(file: String, bytesDone: Int, bytesTotal: Int, rows: Int) {
        self.file = file; self.bytesDone = bytesDone; self.bytesTotal = bytesTotal; self.rows = rows
    }
}

/// Failures that stop an import before any data can be judged; data problems are
/// `ImportProblem`s instead.
public enum LedgerReadError: Error, Sendable, Hashable, CustomStringConvertible {
    case folderMissing(path: String)
    case notAFolder(path: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .folderMissing(let path): return "\(path): folder does not exist"
        case .notAFolder(let path): return "\(path): is a file, expected a folder of CSV files"
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))"
        }
    }
}

public enum LedgerWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    case cannotCreate(path: String)

    public var description: String {
        switch self {
        case .cannotCreate(let path): return "\(path): cannot create the file"
        }
    }
}

/// Keeps the first `limit` problems of each severity and counts the rest.
struct ProblemSink {
    let limit: Int
    var errors: [ImportProblem] = []
    var warnings: [ImportProblem] = []
    var suppressedErrors = 0
    var suppressedWarnings = 0

    init(limit: Int) { self.limit = max(0, limit) }

    mutating func add(_ p: ImportProblem) {
        switch p.severity {
        case .error:
            if errors.count < limit { errors.append(p) } else { suppressedErrors += 1 }
        case .warning:
            if warnings.count < limit { warnings.append(p) } else { suppressedWarnings += 1 }
        }
    }

    var errorCount: Int { errors.count + suppressedErrors }
}
