import Foundation

/// Who may do what. Roles and the actions they allow are a small closed table, kept here
/// (pure, no web) so the web app, the API and the tests read the same rules.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Reads every page and figure; changes nothing.
    case viewer
    /// Sees and acts on its own customers only (`customers.account_manager` = the user's
    /// account-manager name); no portfolio-wide pages.
    case accountManager = "account_manager"
    /// Reads everything; follows up on payment and exit matters (fix plans, boundaries,
    /// leave requests, exit checklist, incidents) and exports; does not decide.
    case creditControl = "credit_control"
    /// Everything, including decisions, the policy, partners, imports, privacy and users.
    case admin

    public static var spellings: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// What a request does, at the granularity the roles differ on.
public enum Action: String, CaseIterable, Sendable {
    /// Pages and API calls that show many customers at once (dashboard, scenario, report,
    /// service, policy page).
    case viewPortfolio = "view_portfolio"
    /// One customer's page or figures (subject to ownership for account managers).
    case viewCustomer = "view_customer"
    /// Confirm, change or reject a recommendation; steps of a decision.
    case decide
    /// Log an incident.
    case logIncident = "log_incident"
    /// Fix plans, boundary notices, leave requests, exit briefs and checklist steps.
    case followUp = "follow_up"
    /// Save the policy, keep the partner list.
    case configure
    /// Import ledger rows.
    case importLedger = "import_ledger"
    /// Exports of one customer's data (hand-over, art. 15) and privacy operations.
    case exportData = "export_data"
    /// Add, remove and list users.
    case manageUsers = "manage_users"
    /// List the bank credits no rule matched and assign them to an invoice or a customer.
    case assignPayments = "assign_payments"
}

public enum Access {
    /// The whole table: an action a role is not listed for is refused.
    public static func allows(_ role: Role, _ action: Action) -> Bool {
        switch role {
        case .admin: true
        case .viewer: action == .viewPortfolio || action == .viewCustomer
        case .accountManager: [.viewCustomer, .decide, .logIncident, .followUp].contains(action)
        case .creditControl: [.viewPortfolio, .viewCustomer, .logIncident, .followUp, .exportData, .assignPayments].contains(action)
        }
    }

    /// Whether `user` may see a customer managed by `accountManager` (the customer's column).
    /// Only account managers are limited; names compare case-insensitively, ignoring
    /// surrounding spaces, because the ledger's column is typed by hand in other systems.
    public static func canSee(_ user: UserRecord, customerManagedBy accountManager: String?) -> Bool {
        guard user.role == .accountManager else { return true }
        guard let mine = user.accountManagerName, let theirs = accountManager else { return false }
        return normalised(mine) == normalised(theirs)
    }

    static func normalised(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// A person who signs in. The password is only ever held as a bcrypt hash.
public struct UserRecord: Sendable, Equatable {
    /// The login name: lower-case letters, digits, `.`, `-`, `_`.
    public var userId: String
    /// The name shown in the audit trail ("who decided").
    public var displayName: String
    public var role: Role
    /// For account managers: their name as it appears in the ledger's `account_manager`
    /// column (defaults to the display name).
    public var accountManagerName: String?
    public var passwordHash: String
    public var createdAt: String
    /// Failed sign-ins since the last successful one; drives the lock-out.
    public var failedLogins: Int
    /// ISO 8601 time until which sign-in is refused after repeated failures.
    public var lockedUntil: String?

    public init(userId: String, displayName: String, role: Role, accountManagerName: String? = nil,
                passwordHash: String, createdAt: String, failedLogins: Int = 0, lockedUntil: String? = nil) {
        self.userId = userId; self.displayName = displayName; self.role = role
        self.accountManagerName = accountManagerName; self.passwordHash = passwordHash; self.createdAt = createdAt
        self.failedLogins = failedLogins; self.lockedUntil = lockedUntil
    }

    /// Login names are plain so they can be typed, logged and compared without surprises.
    public static func isValidId(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
        }
    }
}
