import Foundation
import SnoeiCore
import SnoeiStore

/// The access log for work done on the command line (SECURITY.md, "Privacy"): views of a
/// customer's notes, changes and exports are logged as in the web app. The actor is the
/// `--by` name where a command asks for one, else the operating-system user.
enum CommandLineAccess {
    static func actor(_ by: String?) -> String {
        if let by, !by.isEmpty { return by }
        let env = ProcessInfo.processInfo.environment
        return (env["USER"] ?? env["LOGNAME"] ?? "unknown user") + " (command line)"
    }

    static func log(_ store: LedgerStore, _ customerId: String, _ action: AccessAction, by: String? = nil,
                    detail: String) async throws {
        try await store.logAccess(customerId: customerId, action: action, actor: actor(by), detail: detail)
    }
}
