public import SnoeiCore
import Foundation

/// The firm's policy as a hand-editable TOML file (`snoei.toml`).
///
/// `render` writes every field of `Policy`, each key under a comment that says what it means
/// and its unit; `parse` reads a complete or partial file (missing keys keep the defaults of
/// `Policy.standard`) and rejects unknown keys, wrong types and out-of-range values with the
/// file, line and key path. `parse(render(p)) == p` for every policy with finite values.
public enum PolicyFile {
    /// The file name looked for in the working directory.
    public static let defaultFileName = "snoei.toml"
    /// The `source` of a policy that was not read from a file.
    public static let builtInSource = "built-in defaults"

    /// The policy as TOML text with explanatory comments.
    public static func render(_ policy: Policy) -> String {
        PolicyRenderer(policy: policy).render()
    }

    /// Reads a policy from TOML text; `file` names the source in error messages.
    public static func parse(_ text: String, file: String) throws(PolicyFileError) -> Policy {
        try PolicyParser.parse(text, file: file)
    }

    /// Reads the policy file at `path`.
    public static func load(path: String) throws(PolicyFileError) -> Policy {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PolicyFileError(file: path, reason: "no such policy file")
        }
        guard !isDirectory.boolValue else { throw PolicyFileError(file: path, reason: "is a directory, not a policy file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyFileError(file: path, reason: "cannot read the policy file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyFileError(file: path, reason: "the policy file is not valid UTF-8")
        }
        return try parse(text, file: path)
    }

    /// Writes `render(policy)` to `path` (replacing any existing file).
    public static func write(_ policy: Policy, to path: String) throws(PolicyFileError) {
        do {
            try Data(render(policy).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PolicyFileError(file: path, reason: "cannot write the policy file: \(error.localizedDescription)")
        }
    }

    /// The policy to use: the explicit path (which must exist), else `snoei.toml` in the working
    /// directory when present, else `Policy.standard`. `source` is the path read (relative explicit
    /// paths are taken relative to `workingDirectory`) or "built-in defaults".
    public static func resolve(explicitPath: String?, workingDirectory: String)
        throws(PolicyFileError) -> (policy: Policy, source: String) {
        if let explicitPath {
            let path = absolute(explicitPath, in: workingDirectory)
            guard FileManager.default.fileExists(atPath: path) else {
                throw PolicyFileError(file: explicitPath, reason: "no such policy file (given with --policy)")
            }
            return (try load(path: path), path)
        }
        let local = absolute(defaultFileName, in: workingDirectory)
        if FileManager.default.fileExists(atPath: local) {
            return (try load(path: local), local)
        }
        return (.standard, builtInSource)
    }

    static func absolute(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") || directory.isEmpty { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}

/// Why a policy file could not be used: one or more problems, each with its place.
public struct PolicyFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public struct Problem: Equatable, Sendable {
        /// 1-based line and column in the file, when known.
        public var line: Int?
        public var column: Int?
        /// Dotted key path such as `friction.weights.complaints`, when the problem is about a key.
        public var key: String?
        public var reason: String

        public init(line: Int? = nil, column: Int? = nil, key: String? = nil, reason: String) {
            self.line = line; self.column = column; self.key = key; self.reason = reason
        }
    }

    public var file: String
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) { self.file = file; self.problems = problems }
    public init(file: String, reason: String) { self.init(file: file, problems: [Problem(reason: reason)]) }

    /// One line per problem: `file:line:column: key: reason`.
    public var description: String {
        problems.map { p in
            var s = file
            if let line = p.line {
                s += ":\(line)"
                if let column = p.column { s += ":\(column)" }
            }
            s += ": "
            if let key = p.key { s += "\(key): " }
            return s + p.reason
        }.joined(separator: "\n")
    }
}
