public import Foundation

/// Prints an HTML document to PDF with headless Chromium, when it is installed.
public enum PDFRenderer {
    /// Why a PDF could not be made.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case chromiumMissing
        case couldNotStart(String)
        case timedOut(seconds: Int)
        case failed(status: Int32, output: String)
        case noOutput(String)

        public var description: String {
            switch self {
            case .chromiumMissing:
                "PDF needs Chromium (Debian: apt-get install chromium); use --format html to write the report as HTML, "
                    + "which any browser can print or save as PDF. SNOEI_CHROMIUM names a browser elsewhere."
            case .couldNotStart(let reason): "Chromium could not be started: \(reason)"
            case .timedOut(let seconds): "Chromium did not finish the PDF within \(seconds) seconds."
            case .failed(let status, let output):
                "Chromium stopped with status \(status) without writing the PDF" + (output.isEmpty ? "." : ":\n" + output)
            case .noOutput(let path): "Chromium finished but wrote no PDF at \(path)."
            }
        }
    }

    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The browser to print with: `$SNOEI_CHROMIUM` when set (nil if it is not executable: an
    /// explicit choice is never second-guessed), else the first of chromium, chromium-browser,
    /// google-chrome in PATH or /usr/bin. Nil when there is none.
    public static func chromiumPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        if let explicit = environment["SNOEI_CHROMIUM"], !explicit.isEmpty {
            return fm.isExecutableFile(atPath: explicit) ? explicit : nil
        }
        var folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        if !folders.contains("/usr/bin") { folders.append("/usr/bin") }
        for name in names {
            for folder in folders {
                let path = (folder as NSString).appendingPathComponent(name)
                if fm.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Writes `html` to a temporary file and prints it to `pdfPath` (A4, no header or footer
    /// lines; the document's own `@page` rules apply). Throws `Failure` with a readable reason.
    public static func render(html: String, to pdfPath: String, timeout: Duration = .seconds(90)) throws {
        guard let chromium = chromiumPath() else { throw Failure.chromiumMissing }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("snoei-pdf-\(UUID().uuidString)")
        try fm.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: work) }
        let source = work.appendingPathComponent("report.html")
        try html.write(to: source, atomically: true, encoding: .utf8)
        let target = URL(fileURLWithPath: pdfPath, relativeTo: URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true))
            .standardizedFileURL
        let partial = work.appendingPathComponent("report.pdf")
        let log = work.appendingPathComponent("chromium.log")
        _ = fm.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--user-data-dir=" + work.appendingPathComponent("profile").path,
            "--no-pdf-header-footer", "--print-to-pdf=" + partial.path, source.absoluteString,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = work.path  // Chromium writes caches under HOME; keep them out of the user's.
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice

        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do {
            try process.run()
        } catch {
            throw Failure.couldNotStart("\(error)")
        }
        let seconds = Int(timeout.components.seconds)
        if done.wait(timeout: .now() + .seconds(max(1, seconds))) == .timedOut {
            process.terminate()
            if done.wait(timeout: .now() + .seconds(5)) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw Failure.timedOut(seconds: seconds)
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let written = (try? Data(contentsOf: partial, options: .mappedIfSafe)).map { $0.starts(with: Array("%PDF".utf8)) } ?? false
        guard written else {
            if process.terminationStatus != 0 {
                throw Failure.failed(status: process.terminationStatus, output: lastLines(output, 12))
            }
            throw Failure.noOutput(pdfPath)
        }
        if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
        try fm.copyItem(at: partial, to: target)  // the temporary folder may be on another file system
    }

    private static func lastLines(_ text: String, _ n: Int) -> String {
        text.split(separator: "\n").suffix(n).joined(separator: "\n")
    }
}
