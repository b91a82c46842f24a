import Foundation
import Hummingbird
import HummingbirdTesting
import SnoeiCore
import Testing
@testable import SnoeiWeb

@Suite struct PageRouteTests {
    @Test func theCustomerPageShowsFutureValueWhenTheModelsAreFitted() async throws {
        try await WebFixture.test(futureValue: true) { client, fixture throws in
            let a = fixture.state.snapshot.analysis
            let value = try #require(a.value)
            let row = try #require(a.row(of: "C0005"))
            let html = try await client.get("/customers/C0005").text
            // The demo firm's customers have contracts: valued by retention, with the renewal chance.
            #expect(value.model[row] == .contract)
            #expect(html.contains("data-figure=\"clv\"") && html.contains("Contract value ahead"))
            #expect(html.contains(SnoeiCore.Formatter(.en).money(try #require(value.clv[row]))))
            #expect(html.contains("next 52 weeks") && html.contains("binds until"))
            #expect(html.contains("data-figure=\"renewal_chance\""))
        }
        try await WebFixture.test { client, _ throws in
            let html = try await client.get("/customers/C0005").text
            #expect(!html.contains("data-figure=\"clv\""))
        }
    }

    @Test func theMatrixCanPlotLifetimeValueInsteadOfContribution() async throws {
        try await WebFixture.test(futureValue: true) { client, fixture throws in
            let a = fixture.state.snapshot.analysis
            let value = try #require(a.value)
            let plain = try await client.get("/").text
            #expect(plain.contains("href=\"/?matrix=value#matrix\"") && plain.contains("Contribution, last 12 months"))
            let html = try await client.get("/?matrix=value").text
            #expect(html.contains("Lifetime value ahead") && html.contains("href=\"/#matrix\""))
            #expect(!html.contains("Contribution, last 12 months") && html.contains("High value, demanding"))
            // Each dot's label names the customer's own lifetime value.
            let row = try #require(a.row(of: "C0005"))
            let clv = SnoeiCore.Formatter(.en).moneyWhole(try #require(value.clv[row]))
            #expect(html.contains("(C0005): ") && html.contains("lifetime value \(clv)"))
        }
        // Without the models there is no switch, and asking for it shows contribution.
        try await WebFixture.test { client, _ throws in
            let html = try await client.get("/?matrix=value").text
            #expect(!html.contains("class=\"axis-switch\"") && html.contains("Contribution, last 12 months"))
        }
    }

    @Test func dashboardShowsKeyFiguresChartsAndDecisions() async throws {
        try await WebFixture.test { client, fixture in
            let r = try await client.get("/")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/html; charset=utf-8")
            let html = r.text
            for figure in ["revenue", "contribution", "overdue", "decisions", "pareto_top20"] {
                #expect(html.contains("data-figure=\"\(figure)\""), "card \(figure)")
            }
            for chart in ["whale-chart", "pareto-chart", "matrix-chart", "aging-chart"] {
                #expect(html.contains("id=\"\(chart)-title\""), "chart \(chart)")
            }
            // The revenue card shows the analysis' own figure, formatted for English.
            let revenue = SnoeiCore.Formatter(.en).moneyWhole(fixture.state.snapshot.analysis.portfolio.revenue)
            #expect(html.contains(revenue))
            // One dot per customer in the matrix, each linking to its page.
            #expect(html.components(separatedBy: "href=\"/customers/C").count - 1 >= 400)
            #expect(html.contains("Proposed decisions"))
            #expect(html.contains("/customers/C0045"))
            #expect(html.contains("<table class=\"chart-table\""))
        }
    }

    @Test func languageFollowsAcceptLanguageAndAnExplicitChoiceIsRemembered() async throws {
        try await WebFixture.test { client, fixture in
            let dutch = try await client.get("/", [.acceptLanguage: "nl-BE,nl;q=0.9,en;q=0.8"])
            #expect(dutch.text.contains("<html lang=\"nl\">"))
            #expect(dutch.text.contains("Portefeuille"))
            let revenue = SnoeiCore.Formatter(.nl).moneyWhole(fixture.state.snapshot.analysis.portfolio.revenue)
            #expect(revenue.contains("."))
            #expect(dutch.text.contains(revenue))
            let english = try await client.get("/", [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(english.text.contains("Portfolio"))
            let switched = try await client.get("/customers?lang=nl", [.acceptLanguage: "en"])
            #expect(switched.text.contains("Klanten"))
            #expect(switched.headers[.setCookie]?.contains("snoei_lang=nl") == true)
            let remembered = try await client.get("/", [.acceptLanguage: "en", .cookie: "snoei_lang=nl"])
            #expect(remembered.text.contains("Portefeuille"))
        }
    }

    @Test func aHostileCustomerNameIsShownAsText() async throws {
        let hostile = CustomerRecord(customerId: "X<1>", name: "<script>alert(1)</script>")
        try await WebFixture.test(extra: [hostile]) { client, _ in
            for uri in ["/", "/customers?q=script", "/customers/X%3C1%3E", "/scenario?drop=X%3C1%3E"] {
                let r = try await client.get(uri)
                #expect(r.status == .ok, "\(uri)")
                #expect(!r.text.contains("<script>alert(1)</script>"), "\(uri) renders the name as markup")
                #expect(!r.text.contains("X<1>"), "\(uri) renders the id as markup")
            }
            let list = try await client.get("/customers?q=script")
            #expect(list.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test func customerListFiltersSortsAndPages() async throws {
        try await WebFixture.test { client, fixture in
            let a = fixture.state.snapshot.analysis
            let letGo = try await client.get("/customers?recommendation=let_go")
            #expect(letGo.text.contains("C0045"))
            #expect(letGo.text.contains("\(a.count(.letGo)) of 400 customers match"))
            #expect(!letGo.text.contains("rec-nurture\">"))
            let search = try await client.get("/customers?q=van+der+linden+retail")
            #expect(search.text.contains("C0003"))
            #expect(search.text.contains("1 of 400 customers match"))
            // Lowest contribution first: the large dependent customer.
            let sorted = try await client.get("/customers?sort=contribution")
            let lowest = a.customers.indices.min { a.customers[$0].contribution < a.customers[$1].contribution }!
            let firstRow = try #require(sorted.text.range(of: "<tbody>")).upperBound
            let firstLink = try #require(sorted.text[firstRow...].range(of: "href=\"/customers/"))
            #expect(sorted.text[firstLink.upperBound...].hasPrefix(a.ledger.customers.ids[lowest]))
            let page2 = try await client.get("/customers?page=2")
            #expect(page2.text.contains("Page 2 of 8"))
            #expect(page2.text.contains("rel=\"prev\""))
            let beyond = try await client.get("/customers?page=99")
            #expect(beyond.text.contains("Page 8 of 8"))
            let nothing = try await client.get("/customers?q=zzzzzz")
            #expect(nothing.text.contains("No customers match"))
        }
    }

    @Test func customerPageShowsVerdictReasonsWhatIfAndTimeline() async throws {
        try await WebFixture.test { client, _ in
            let r = try await client.get("/customers/C0038")
            #expect(r.status == .ok)
            let html = r.text
            #expect(html.contains("data-code=\"short_pay\""))
            #expect(html.contains("rec-fix"))
            #expect(html.contains("What if the firm lets this customer go?"))
            #expect(html.contains("€5,300.00"))
            #expect(html.contains("id=\"timeline\""))
            let nl = try await client.get("/customers/C0038?lang=nl")
            #expect(nl.text.contains("€ 5.300,00"))
            #expect(nl.text.contains("Waarom"))
            let missing = try await client.get("/customers/NOPE")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("There is no customer with id NOPE."))
            let full = try await client.get("/customers/C0038?timeline=all")
            #expect(full.text.contains("Whole history"))
        }
    }

    @Test func scenarioCombinesSeveralCustomers() async throws {
        try await WebFixture.test { client, _ in
            let r = try await client.get("/scenario?drop=C0003&ids=C0045,+NOPE")
            #expect(r.status == .ok)
            #expect(r.text.contains("data-effect=\"revenue_lost\""))
            #expect(r.text.contains("risk-high"))
            #expect(r.text.contains("No customer with id NOPE."))
            let empty = try await client.get("/scenario")
            #expect(!empty.text.contains("scenario-result"))
            #expect(empty.text.contains("name=\"drop\""))
        }
    }

    @Test func policyPreviewsValidatesAndSaves() async throws {
        try await WebFixture.test { client, fixture in
            let page = try await client.get("/policy")
            #expect(page.text.contains("<textarea name=\"policy\""))
            #expect(page.text.contains("built-in defaults"))

            let invalid = try await client.postForm("/policy", [("policy", "[quadrant]\nhigh_friction = \"high\"\n"), ("action", "save")])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.text.contains("snoei.toml:2"))
            #expect(!FileManager.default.fileExists(atPath: fixture.state.policyFilePath))

            let stricter = "[quadrant]\nhigh_friction = 10\n"
            let preview = try await client.postForm("/policy", [("policy", stricter), ("action", "preview")])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("id=\"policy-preview\""))
            #expect(preview.text.contains("proposals change"))
            #expect(preview.text.contains("id=\"policy-transitions\""))
            #expect(!FileManager.default.fileExists(atPath: fixture.state.policyFilePath))

            let saved = try await client.postForm("/policy", [("policy", stricter), ("action", "save")])
            #expect(saved.status == .seeOther)
            #expect(try String(contentsOfFile: fixture.state.policyFilePath, encoding: .utf8) == stricter)
            #expect(fixture.state.snapshot.policy.quadrant.highFriction == 10)
            let after = try await client.get(saved.headers[.location] ?? "/policy")
            #expect(after.text.contains("Saved to"))
        }
    }

    @Test func healthAndStaticAssets() async throws {
        try await WebFixture.test { client, _ in
            let health = try await client.get("/health")
            #expect(health.status == .ok)
            #expect(health.text == #"{"status":"ok","customers":400,"as_of":"2026-11-24"}"#)
            let css = try await client.get("/static/app.css")
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(css.text.contains("@media print"))
            #expect(try await client.get("/static/nope.css").status == .notFound)
            #expect(try await client.get("/no-such-page").status == .notFound)
        }
    }

    @Test func aChangedLedgerIsPickedUpOnRefresh() async throws {
        try await WebFixture.test { client, fixture in
            var records = LedgerRecords()
            records.customers = [CustomerRecord(customerId: "N001", name: "Nieuwe Klant BV")]
            _ = try await fixture.state.store.apply(records)
            #expect(try await fixture.state.refresh())
            #expect(try await fixture.state.refresh() == false)
            let r = try await client.get("/customers?q=nieuwe")
            #expect(r.text.contains("N001"))
        }
    }
}
