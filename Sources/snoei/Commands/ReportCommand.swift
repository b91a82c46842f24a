import ArgumentParser
import Foundation
import SnoeiCore
import SnoeiWeb

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case html, pdf
}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the management report: key figures, whale curve, revenue concentration, arrears, proposals and decisions.",
        discussion: """
            One self-contained document a manager reads in two minutes: the key figures, the whale \
            curve and revenue concentration, open invoices by age, what Snoei proposes, what people \
            decided and what those decisions do to contribution and hours.

            HTML opens in any browser and prints on A4. --format pdf prints it with headless \
            Chromium (Debian: apt-get install chromium; or set SNOEI_CHROMIUM to the browser). \
            The web app shows the same report at /report.
            """
    )

    @Option(help: "html (default) or pdf (needs Chromium).")
    var format: ReportFormat = .html

    @Option(name: [.short, .long], help: ArgumentHelp("Where to write it (default: snoei-report-YYYY-MM-DD.html|pdf).",
                                                      valueName: "path"))
    var output: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var policy: PolicyOptions
    @OptionGroup var language: LanguageOptions
    @OptionGroup var asOf: AsOfOptions

    func run() async throws {
        let lang = language.language
        func L(_ en: String, _ nl: String) -> String { lang == .nl ? nl : en }
        // Say so before any work when the PDF cannot be made.
        if format == .pdf, PDFRenderer.chromiumPath() == nil {
            throw Terminal.failure(PDFRenderer.Failure.chromiumMissing.description, code: ExitCodes.failure)
        }
        let day = asOf.day
        let path = output ?? "snoei-report-\(day.iso).\(format.rawValue)"
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath,
                                                              isDirectory: true)).standardizedFileURL
        var isFolder: ObjCBool = false
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Terminal.failure(L("There is no folder \(folder) to write the report to.",
                                     "De map \(folder) om de rapportage in te schrijven bestaat niet."), code: ExitCodes.badInput)
        }
        let workspace = try await Workspace.load(database, policy: policy, asOf: day)
        let inputs = try await Workspace.withExistingStore(database) { try await ReportInputs.load(from: $0) }
        let report = ManagementReport(analysis: workspace.analysis, decisions: inputs.decisions, events: inputs.events,
                                      language: lang, firmName: inputs.firmName,
                                      generatedAt: ReportInputs.timestamp(Date(), lang))
        let html = report.html()
        switch format {
        case .html:
            do {
                try html.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                throw Terminal.failure(L("Could not write \(url.path): \(error.localizedDescription)",
                                         "Kon \(url.path) niet schrijven: \(error.localizedDescription)"), code: ExitCodes.failure)
            }
        case .pdf:
            do {
                try PDFRenderer.render(html: html, to: url.path)
            } catch {
                throw Terminal.failure("\(error)", code: ExitCodes.failure)
            }
        }
        Terminal.out(L("Management report (\(format.rawValue), as of \(day.iso)) written to \(url.path)",
                       "Managementrapportage (\(format.rawValue), per \(SnoeiCore.Formatter(lang).date(day))) geschreven naar \(url.path)"))
    }
}
