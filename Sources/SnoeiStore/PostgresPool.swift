import Foundation
import Logging
import PostgresKit
import SQLKit

/// A pooled PostgreSQL database: PostgresNIO's `PostgresClient`, run by a task the store owns
/// and stopped by `close()`.
///
/// Statements outside a transaction each borrow a connection for as long as they run;
/// `withSession` lends one connection for the whole closure, so a transaction's `BEGIN` …
/// `COMMIT` and everything between run on the same connection (see `Transaction`).
final class PostgresPool: Sendable {
    let client: PostgresClient
    let location: PostgresLocation
    private let runner: Task<Void, Never>

    init(location: PostgresLocation) throws {
        self.location = location
        let client = PostgresClient(configuration: try Self.clientConfiguration(location),
                                    backgroundLogger: PostgresSetup.silent)
        self.client = client
        runner = Task { await client.run() }
    }

    var database: any SQLDatabase { PooledPostgresDatabase(client: client) }

    /// Stops the pool: open connections are closed, leases still waiting fail.
    func close() async {
        runner.cancel()
        await runner.value
    }

    private static func clientConfiguration(_ location: PostgresLocation) throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch try PostgresSetup.tlsConfiguration(location.tls) {
            case nil: .disable
            case let (config, required)?: required ? .require(config) : .prefer(config)
            }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
        configuration.options.additionalStartupParameters = PostgresSetup.startupParameters(location)
        // Room for the web app's concurrent requests without exhausting a small server's
        // default of 100 connections when a few Snoei processes share it.
        configuration.options.maximumConnections = 10
        return configuration
    }
}

/// What opening a PostgreSQL database needs besides the pool.
enum PostgresSetup {
    /// PostgresNIO logs into this: the command line and the web app have their own messages.
    static let silent = Logger(label: "snoei.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// NIOSSL settings for a `sslmode`, and whether TLS is required; `nil` for no TLS.
    /// `prefer` and `require` encrypt without checking the certificate, as libpq does;
    /// `verify-ca` checks the chain, `verify-full` the chain and the host name.
    static func tlsConfiguration(_ mode: PostgresLocation.TLSMode) throws -> (TLSConfiguration, required: Bool)? {
        var config = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return nil
        case .prefer:
            config.certificateVerification = .none
            return (config, false)
        case .require:
            config.certificateVerification = .none
            return (config, true)
        case .verifyCA:
            config.certificateVerification = .noHostnameVerification
            return (config, true)
        case .verifyFull:
            config.certificateVerification = .fullVerification
            return (config, true)
        }
    }

    /// `search_path` as a start-up parameter, so every pooled connection has it from the start.
    static func startupParameters(_ location: PostgresLocation) -> [(String, String)] {
        guard !location.searchPath.isEmpty else { return [] }
        return [("search_path", location.searchPath.map(quoteIdentifier).joined(separator: ", "))]
    }

    static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One plain connection (no pool), for opening: it fails at once on a wrong host or
    /// password, where the pool would keep retrying, and it holds the migration lock.
    static func connect(_ location: PostgresLocation) async throws -> PostgresConnection {
        let tls: PostgresConnection.Configuration.TLS =
            switch try tlsConfiguration(location.tls) {
            case nil: .disable
            case let (config, required)?:
                required ? .require(try NIOSSLContext(configuration: config))
                    : .prefer(try NIOSSLContext(configuration: config))
            }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters(location)
        return try await PostgresConnection.connect(configuration: configuration, id: 0, logger: silent)
    }

    /// Creates the first schema of `search_path` when it does not exist (checked first, so a
    /// user without CREATE on the database can use a schema made for it).
    static func ensureSchema(_ location: PostgresLocation, on db: any SQLDatabase) async throws {
        guard let schema = location.searchPath.first else { return }
        let found = try await db.select().column(SQLLiteral.numeric("1"), as: "found").from("pg_namespace")
            .where("nspname", .equal, SQLBind(schema)).all()
        if found.isEmpty {
            try await db.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
    }

    /// A driver error in words a person can act on, never holding the password. PostgresNIO's
    /// own `description` hides everything, on purpose; the server's message and SQLSTATE and
    /// the connection problem are what matter here.
    static func describe(_ error: any Error, location: PostgresLocation) -> String {
        let text: String
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                text = message + state
            } else if let underlying = error.underlying {
                text = "\(error.code): \(underlying)"
            } else {
                text = "\(error.code)"
            }
        } else {
            text = "\(error)"
        }
        return location.redacting(text)
    }
}

/// SQLKit over the pool. Each statement borrows a connection; `withSession` pins one.
struct PooledPostgresDatabase: SQLDatabase {
    let client: PostgresClient

    var logger: Logger { PostgresSetup.silent }
    var eventLoop: any EventLoop { PostgresClient.defaultEventLoopGroup.any() }
    var dialect: any SQLDialect { SnoeiPostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await self.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        // Serialised here, with Snoei's dialect, before a connection is borrowed.
        let statement = SnoeiPostgresDialect.serialize(query, for: self)
        try await client.withConnection { connection in
            try await connection.sql(queryLogLevel: nil).execute(sql: statement, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let box = try await client.withConnection { connection in
            UncheckedBox(value: try await closure(PostgresConnectionSQL(connection: connection)))
        }
        return box.value
    }
}

/// SQLKit over one PostgreSQL connection (a pinned session, or the connection that opens and
/// migrates), with Snoei's dialect.
struct PostgresConnectionSQL: SQLDatabase {
    let base: any SQLDatabase

    init(connection: PostgresConnection) {
        base = connection.sql(queryLogLevel: nil)
    }

    var logger: Logger { PostgresSetup.silent }
    var eventLoop: any EventLoop { base.eventLoop }
    var dialect: any SQLDialect { SnoeiPostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        base.execute(sql: SnoeiPostgresDialect.serialize(query, for: self), onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await base.execute(sql: SnoeiPostgresDialect.serialize(query, for: self), onRow)
    }
}

/// PostgresKit's dialect with one change: text columns are created `TEXT COLLATE "C"`, so
/// PostgreSQL compares and sorts text by code point, as SQLite does, whatever collation the
/// database was created with (`en_US.UTF-8` would sort `C0038`, `c0039` and keys holding
/// separators differently). Everything else is PostgresKit's.
///
/// PostgresKit's own SQLKit database serialises with its own dialect, so statements are
/// serialised here first and handed on as finished SQL with their binds (`Serialized`).
struct SnoeiPostgresDialect: SQLDialect {
    private let base = PostgresDialect()

    var name: String { base.name }
    var identifierQuote: any SQLExpression { base.identifierQuote }
    var literalStringQuote: any SQLExpression { base.literalStringQuote }
    var supportsAutoIncrement: Bool { base.supportsAutoIncrement }
    var autoIncrementClause: any SQLExpression { base.autoIncrementClause }
    var autoIncrementFunction: (any SQLExpression)? { base.autoIncrementFunction }
    func bindPlaceholder(at position: Int) -> any SQLExpression { base.bindPlaceholder(at: position) }
    func literalBoolean(_ value: Bool) -> any SQLExpression { base.literalBoolean(value) }
    var literalDefault: any SQLExpression { base.literalDefault }
    var supportsIfExists: Bool { base.supportsIfExists }
    var enumSyntax: SQLEnumSyntax { base.enumSyntax }
    var supportsDropBehavior: Bool { base.supportsDropBehavior }
    var supportsReturning: Bool { base.supportsReturning }
    var triggerSyntax: SQLTriggerSyntax { base.triggerSyntax }
    var alterTableSyntax: SQLAlterTableSyntax { base.alterTableSyntax }
    func normalizeSQLConstraint(identifier: any SQLExpression) -> any SQLExpression {
        base.normalizeSQLConstraint(identifier: identifier)
    }
    var upsertSyntax: SQLUpsertSyntax { base.upsertSyntax }
    var unionFeatures: SQLUnionFeatures { base.unionFeatures }
    var sharedSelectLockExpression: (any SQLExpression)? { base.sharedSelectLockExpression }
    var exclusiveSelectLockExpression: (any SQLExpression)? { base.exclusiveSelectLockExpression }
    func nestedSubpathExpression(in column: any SQLExpression, for path: [String]) -> (any SQLExpression)? {
        base.nestedSubpathExpression(in: column, for: path)
    }

    func customDataType(for dataType: SQLDataType) -> (any SQLExpression)? {
        if case .text = dataType { return SQLRaw(#"TEXT COLLATE "C""#) }
        return base.customDataType(for: dataType)
    }

    /// The statement as SQL text and binds, serialised with this dialect.
    static func serialize(_ query: any SQLExpression, for database: any SQLDatabase) -> Serialized {
        var serializer = SQLSerializer(database: database)
        query.serialize(to: &serializer)
        return Serialized(sql: serializer.sql, binds: serializer.binds)
    }

    /// A statement already serialised: written out as it is, binds in order (the `$n`
    /// placeholders in `sql` number them from 1, as the serialiser that receives it starts empty).
    struct Serialized: SQLExpression {
        let sql: String
        let binds: [any Encodable & Sendable]

        func serialize(to serializer: inout SQLSerializer) {
            serializer.write(sql)
            serializer.binds.append(contentsOf: binds)
        }
    }
}

/// Carries a session's result out of the connection lease. The lease's closure has finished
/// when the value is read, so nothing reads it concurrently.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
}
