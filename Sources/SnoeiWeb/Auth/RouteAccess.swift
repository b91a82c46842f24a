import Foundation
import Hummingbird
import SnoeiCore

/// Which action each route performs: the one table the authorisation middleware checks.
/// A route missing from it is refused to everyone (deny by default), so a new page cannot
/// go live unprotected by accident. `:customer` marks the path segment holding a customer
/// id; an account manager is refused customers of other account managers.
enum RouteAccess {
    struct Rule: Sendable {
        let method: HTTPRequest.Method
        let segments: [String]
        let action: Action
    }

    /// Reachable without signing in.
    static func isPublic(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        if path == "/health" || path == "/login" || path == "/openapi.json" { return true }
        return method == .get && path.hasPrefix("/static/")
    }

    static let rules: [Rule] = [
        rule(.get, "/", .viewPortfolio),
        rule(.get, "/customers", .viewCustomer),
        rule(.get, "/customers/:customer", .viewCustomer),
        rule(.get, "/customers/:customer/exit-brief", .followUp),
        rule(.get, "/customers/:customer/handover.json", .followUp),
        rule(.get, "/customers/:customer/privacy", .exportData),
        rule(.get, "/customers/:customer/privacy.json", .exportData),
        rule(.post, "/customers/:customer/decision", .decide),
        rule(.post, "/customers/:customer/incidents", .logIncident),
        rule(.post, "/customers/:customer/fixplan", .followUp),
        rule(.post, "/customers/:customer/boundaries", .followUp),
        rule(.post, "/customers/:customer/leave", .followUp),
        rule(.get, "/scenario", .viewPortfolio),
        rule(.get, "/policy", .viewPortfolio),
        rule(.post, "/policy", .configure),
        rule(.get, "/service", .viewPortfolio),
        rule(.post, "/partners", .configure),
        rule(.get, "/decisions", .viewPortfolio),
        rule(.get, "/exits", .viewPortfolio),
        rule(.post, "/exits/:decision/steps", .followUp),
        rule(.get, "/report", .viewPortfolio),
        rule(.get, "/payments/unmatched", .assignPayments),
        rule(.post, "/payments/assign", .assignPayments),
        rule(.post, "/logout", .viewCustomer),
    ]

    /// The rule for a request, and the customer id in its path when the rule names one.
    static func match(_ method: HTTPRequest.Method, _ path: String, in rules: [Rule] = rules) -> (rule: Rule, customerId: String?)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for rule in rules where rule.method == method && rule.segments.count == parts.count {
            var customer: String?
            var matched = true
            for (pattern, part) in zip(rule.segments, parts) {
                if pattern == ":customer" { customer = part.removingPercentEncoding ?? part }
                else if pattern.hasPrefix(":") { continue }
                else if pattern != part { matched = false; break }
            }
            if matched { return (rule, customer) }
        }
        return nil
    }

    static func rule(_ method: HTTPRequest.Method, _ pattern: String, _ action: Action) -> Rule {
        Rule(method: method, segments: pattern.split(separator: "/").map(String.init), action: action)
    }
}
