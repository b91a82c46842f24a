import Foundation
import SnoeiConfig
import SnoeiCore

/// The policy editor: the documented TOML text, validated; a preview of how many proposals
/// change before anything is saved.
struct PolicyPage {
    let snapshot: Snapshot
    let chrome: PageChrome
    let savePath: String

    var title: String { chrome.t("policy_title") }

    /// The text to edit: the policy file as the firm wrote it, else the documented defaults.
    func currentText() -> String {
        if let text = try? String(contentsOfFile: savePath, encoding: .utf8) { return text }
        return PolicyFile.render(snapshot.policy)
    }

    struct Change {
        var row: Int
        var before: Recommendation
        var after: Recommendation
    }

    /// Proposals that differ under `policy`, most urgent new proposal first.
    func changes(under policy: Policy) -> [Change] {
        let a = snapshot.analysis
        let b = Analysis(ledger: a.ledger, policy: policy, asOf: a.asOf)
        return a.verdicts.indices.compactMap { r in
            a.verdicts[r].recommendation == b.verdicts[r].recommendation ? nil
                : Change(row: r, before: a.verdicts[r].recommendation, after: b.verdicts[r].recommendation)
        }.sorted { $0.after != $1.after ? $0.after > $1.after : $0.row < $1.row }
    }

    func context(text: String, errors: [String], preview: [Change]?, saved: String?) -> [String: Any] {
        let a = snapshot.analysis, c = a.ledger.customers
        let t = TextRenderer(chrome.language)
        var ctx: [String: Any] = [
            "sourceText": chrome.t("policy_source", ["source": snapshot.policySource]),
            "savePathText": chrome.t("policy_save_path", ["path": savePath]),
            "text": text, "errors": errors, "hasErrors": !errors.isEmpty,
        ]
        if let saved { ctx["saved"] = saved }
        if let preview {
            let changes: [[String: String]] = preview.prefix(100).map {
                ["id": c.ids[$0.row], "name": c.names[$0.row], "href": customerHref(c.ids[$0.row]),
                 "before": t.label($0.before), "after": t.label($0.after)]
            }
            // How many move from one proposal to another, most common first.
            var moves = [String: (Recommendation, Recommendation, Int)]()
            for change in preview {
                let key = change.before.rawValue + ">" + change.after.rawValue
                moves[key, default: (change.before, change.after, 0)].2 += 1
            }
            let transitions: [[String: String]] = moves.values.sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.1 > $1.1 }.map {
                ["before": t.label($0.0), "after": t.label($0.1), "count": "\($0.2)"]
            }
            ctx["preview"] = [
                "summary": preview.isEmpty ? chrome.t("policy_preview_none")
                    : chrome.t("policy_preview_summary", ["n": "\(preview.count)", "total": "\(a.customers.count)"]),
                "hasChanges": !preview.isEmpty, "changes": changes, "transitions": transitions,
            ] as [String: Any]
        }
        return ctx
    }
}
