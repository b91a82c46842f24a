import Foundation
import Mustache
import SnoeiCore

/// The page templates, loaded once from the bundled resources. Every page is rendered
/// into the layout, which adds navigation, the language switch and the footer.
struct Views: Sendable {
    let library: MustacheLibrary

    static func load() async throws -> Views {
        guard let root = BundledResources.folder("templates") else {
            throw WebError.missingResources
        }
        let library = try await MustacheLibrary(directory: root.path)
        guard library.getTemplate(named: "layout") != nil else { throw WebError.missingTemplates(root.path) }
        return Views(library: library)
    }

    /// A part of a page, rendered on its own (inserted with `{{{…}}}` into the page).
    func fragment(_ template: String, _ content: [String: Any], chrome: PageChrome) -> String {
        var page = content
        page["t"] = chrome.texts
        page["csrf"] = Identity.current?.csrfToken ?? ""
        return library.render(page, withTemplate: template) ?? ""
    }

    func render(_ template: String, _ content: [String: Any], chrome: PageChrome, title: String) -> String {
        var page = content
        page["t"] = chrome.texts
        page["lang"] = chrome.language.rawValue
        page["csrf"] = Identity.current?.csrfToken ?? ""
        let body = library.render(page, withTemplate: template) ?? ""
        var layout = chrome.layoutContext
        layout["title"] = title
        layout["content"] = body
        return library.render(layout, withTemplate: "layout") ?? body
    }
}

enum WebError: Error, CustomStringConvertible {
    case missingResources
    case missingTemplates(String)
    case noUsers
    var description: String {
        switch self {
        case .missingResources: "The web app's resources are missing from the bundle."
        case .missingTemplates(let path): "The web app's templates are missing from \(path)."
        case .noUsers: "No users yet, so nobody could sign in. Add the first administrator: snoei user add NAME --role admin"
        }
    }
}

/// What every page shares: the language, the navigation and the footer.
struct PageChrome {
    let language: Language
    let path: String
    let query: [(String, String)]
    let footer: String

    var texts: [String: String] { WebText.table(language) }

    func t(_ key: String, _ values: [String: String] = [:]) -> String { WebText.text(key, language, values) }

    var layoutContext: [String: Any] {
        let nav: [[String: Any]] = [("/", "nav_dashboard"), ("/customers", "nav_customers"),
                                    ("/scenario", "nav_scenario"), ("/decisions", "nav_decisions"),
                                    ("/exits", "nav_exits"), ("/service", "nav_service"), ("/policy", "nav_policy"), ("/report", "nav_report"),
                                    ("/payments/unmatched", "nav_payments")]
            .filter { href, _ in Self.mayOpen(href) }
            .map { href, key in
            let current = href == "/" ? path == "/" : path.hasPrefix(href)
            return ["href": href, "label": t(key), "current": current]
        }
        let languages: [[String: Any]] = Language.allCases.map { l in
            ["code": l.rawValue, "label": l == .nl ? "Nederlands" : "English", "current": l == language,
             "href": link(path, query.filter { $0.0 != "lang" } + [("lang", l.rawValue)])]
        }
        var layout: [String: Any] = ["lang": language.rawValue, "t": texts, "nav": nav, "languages": languages, "footer": footer]
        if let identity = Identity.current {
            layout["user"] = ["name": identity.user.displayName, "role": t("role_" + identity.user.role.rawValue),
                              "csrf": identity.csrfToken ?? ""]
        }
        return layout
    }

    /// Navigation shows only pages the signed-in user may open (no one is signed in on the
    /// login page: it shows none).
    static func mayOpen(_ href: String) -> Bool {
        guard let user = Identity.current?.user, let match = RouteAccess.match(.get, href) else { return false }
        return Access.allows(user.role, match.rule.action)
    }
}

/// A path with an encoded query string.
func link(_ path: String, _ query: [(String, String)]) -> String {
    guard !query.isEmpty else { return path }
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "&=+?#")
    let encoded = query.map { k, v in
        "\(k.addingPercentEncoding(withAllowedCharacters: allowed) ?? k)=\(v.addingPercentEncoding(withAllowedCharacters: allowed) ?? v)"
    }
    return path + "?" + encoded.joined(separator: "&")
}
