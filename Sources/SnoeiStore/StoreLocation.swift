import Foundation

/// Which database engine holds a ledger.
public enum DatabaseKind: String, Sendable, Equatable, CaseIterable {
    case sqlite
    case postgresql

    /// Bound parameters one statement may carry: SQLite's `SQLITE_MAX_VARIABLE_NUMBER`
    /// (32,766 since 3.32), PostgreSQL's wire-protocol limit (65,535).
    var maxBindParameters: Int {
        switch self {
        case .sqlite: 32_766
        case .postgresql: 65_535
        }
    }
}

/// Where a ledger lives: an SQLite file or a PostgreSQL database.
///
/// Parsed from what a person types (`--database`, `SNOEI_DATABASE`): a string starting with
/// `postgres://` or `postgresql://` is a PostgreSQL URL, anything else an SQLite path.
/// `description` never shows a password.
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// Parses a location; throws `StoreError.badLocation` for a PostgreSQL URL that cannot be used.
    public init(parsing text: String) throws {
        if PostgresLocation.looksLikeURL(text) {
            self = .postgres(try PostgresLocation(url: text))
        } else {
            self = .sqlite(path: text)
        }
    }

    public var kind: DatabaseKind {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgresql
        }
    }

    /// The path, or the URL with its password replaced by `***`.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }
}

/// A PostgreSQL database named by a URL:
/// `postgres://user:password@host:port/database?sslmode=…&search_path=…`.
///
/// - `sslmode` (libpq's names): `disable`; `allow`/`prefer` (TLS when the server offers it);
///   `require` (TLS, certificate not checked, as libpq does); `verify-ca` (chain checked);
///   `verify-full` (chain and host name checked). Default: `disable` for a loopback host
///   (127.0.0.0/8, `localhost`, `::1`), `prefer` for any other.
/// - `search_path` (Snoei's own parameter): the schema Snoei's tables live in, sent as a
///   start-up parameter on every connection and created on first open when missing. Several
///   firms, or test runs, can so share one database.
/// - The port defaults to 5432, the user to `postgres`, the database to the user's name.
///
/// User and password may be percent-encoded (`p%40ss` for `p@ss`).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Equatable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode
    /// Schemas to put on `search_path`, the first one holding Snoei's tables.
    public var searchPath: [String]

    public static func looksLikeURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    public init(url text: String) throws {
        let redacted = Self.redact(text)
        func bad(_ reason: String) -> StoreError { .badLocation(redacted, reason: reason) }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql"
        else { throw bad("not a postgres:// URL") }
        guard let host = components.host, !host.isEmpty else { throw bad("the URL names no host") }
        // URLComponents keeps the brackets of an IPv6 literal.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw bad("port \(port) is out of range") }
        self.username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        let path = components.percentEncodedPath.removingPercentEncoding ?? components.path
        let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard !name.contains("/") else { throw bad("the database name may not contain /") }
        self.database = name.isEmpty ? username : name
        var tls: TLSMode? = nil
        var searchPath: [String] = []
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name.lowercased() {
            case "sslmode", "tlsmode", "ssl", "tls":
                switch value.lowercased() {
                case "disable", "false": tls = .disable
                case "allow", "prefer", "true": tls = .prefer
                case "require": tls = .require
                case "verify-ca": tls = .verifyCA
                case "verify-full": tls = .verifyFull
                default: throw bad("unknown sslmode \(value) (disable, prefer, require, verify-ca, verify-full)")
                }
            case "search_path", "schema":
                searchPath = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            case "application_name", "connect_timeout":
                break  // accepted for compatibility with libpq URLs; not used
            default:
                throw bad("unknown parameter \(item.name) (sslmode, search_path)")
            }
        }
        self.tls = tls ?? (Self.isLoopback(self.host) ? .disable : .prefer)
        self.searchPath = searchPath
    }

    /// The URL as given, with any password replaced by `***`: safe to print and log.
    public var description: String {
        var c = URLComponents()
        c.scheme = "postgres"
        c.host = host.contains(":") ? "[\(host)]" : host
        c.port = port
        c.user = username
        if password != nil { c.percentEncodedPassword = "***" }
        c.path = "/" + database
        var items: [URLQueryItem] = []
        if tls != (Self.isLoopback(host) ? .disable : .prefer) { items.append(.init(name: "sslmode", value: tls.rawValue)) }
        if !searchPath.isEmpty { items.append(.init(name: "search_path", value: searchPath.joined(separator: ","))) }
        if !items.isEmpty { c.queryItems = items }
        return c.string ?? "postgres://\(host)/\(database)"
    }

    /// The same database with another `search_path` (tests give each run its own schema).
    public func with(searchPath: [String]) -> PostgresLocation {
        var copy = self
        copy.searchPath = searchPath
        return copy
    }

    /// The URL that names this location, password included (for handing to a child process).
    public var url: String {
        var c = URLComponents()
        c.scheme = "postgres"
        c.host = host.contains(":") ? "[\(host)]" : host
        c.port = port
        c.user = username
        c.password = password
        c.path = "/" + database
        var items = [URLQueryItem(name: "sslmode", value: tls.rawValue)]
        if !searchPath.isEmpty { items.append(.init(name: "search_path", value: searchPath.joined(separator: ","))) }
        c.queryItems = items
        return c.string ?? ""
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Replaces the password of anything that looks like `scheme://user:password@host` by `***`,
    /// for URLs that could not even be parsed.
    static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return text }
        let userInfo = rest[rest.startIndex..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<rest.startIndex]) + userInfo[..<colon] + ":***" + rest[at...]
    }

    /// Replaces every occurrence of the password in `text` (a driver's message may quote it).
    func redacting(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "***")
    }
}
