import Foundation

/// Zip archives through the system's `unzip` (Info-ZIP). Foundation on Linux has no zip or
/// inflate API, and a hand-written inflater is more risk than this needs; when `unzip` is
/// missing the import says so. Each entry is streamed (`unzip -p`) and cut off at the size
/// limit, so a zip bomb stops at the limit instead of filling the disk or memory.
enum ZipArchive {
    static let candidates = ["/usr/bin/unzip", "/bin/unzip", "/usr/local/bin/unzip", "/opt/homebrew/bin/unzip"]

    static func tool() -> URL? {
        candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map(URL.init(fileURLWithPath:))
    }

    static func entries(_ archive: URL, limits: ElectronicImportLimits) throws -> (files: [SourceFile], skipped: [String]) {
        let path = archive.path, shownArchive = archive.relativePath
        guard let unzip = tool() else {
            throw ImportSourceError.zip(path, reason: "reading a zip needs the `unzip` program, which is not installed; install it (apt-get install unzip) or unpack the archive and import the folder")
        }
        let (listing, status, errors) = try run(unzip, ["-Z1", path], limit: 16 * 1024 * 1024)
        guard status == 0 else { throw ImportSourceError.zip(path, reason: "not a readable zip archive (\(errors.trimmingCharacters(in: .whitespacesAndNewlines)))") }
        let names = String(decoding: listing, as: UTF8.self).split(separator: "\n").map(String.init)
        var files: [SourceFile] = [], skipped: [String] = [], total = 0
        for name in names where !name.hasSuffix("/") {
            let base = (name as NSString).lastPathComponent
            guard !base.hasPrefix("."), !name.hasPrefix("__MACOSX/"),
                  ImportSources.extensions.contains((base as NSString).pathExtension.lowercased()) else { skipped.append(name); continue }
            // unzip reads these as wildcards; refusing beats extracting the wrong entry.
            guard !name.contains(where: { "*?[]\\".contains($0) }) else {
                throw ImportSourceError.zip(path, reason: "entry \(name) has a wildcard character in its name; rename it")
            }
            guard files.count < limits.maxFiles else { throw ImportSourceError.tooManyFiles(path, count: names.count, limit: limits.maxFiles) }
            let (bytes, status, errors) = try run(unzip, ["-p", path, name], limit: limits.maxFileBytes)
            let shown = "\(shownArchive):\(name)"
            guard bytes.count <= limits.maxFileBytes else {
                throw ImportSourceError.zip(shown, reason: "unpacks to more than \(limits.maxFileBytes) bytes, the limit per import file")
            }
            guard status == 0 else { throw ImportSourceError.zip(shown, reason: "cannot be unpacked (\(errors.trimmingCharacters(in: .whitespacesAndNewlines)))") }
            total += bytes.count
            guard total <= limits.maxTotalBytes else { throw ImportSourceError.tooLarge(path, bytes: total, limit: limits.maxTotalBytes) }
            files.append(SourceFile(name: shown, bytes: bytes))
        }
        guard !files.isEmpty else { throw ImportSourceError.nothingToImport(path) }
        return (files, skipped)
    }

    /// Runs the tool, reading at most `limit` bytes of its output and a chunk; more stops it.
    private static func run(_ tool: URL, _ arguments: [String], limit: Int) throws -> ([UInt8], Int32, String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        let out = Pipe()
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("snoei-unzip-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var bytes: [UInt8] = []
        while let chunk = try out.fileHandleForReading.read(upToCount: 64 * 1024), !chunk.isEmpty {
            bytes.append(contentsOf: chunk)
            if bytes.count > limit {
                // SIGKILL, not terminate(): children started by Foundation's Process on Linux inherit
                // a signal mask that blocks SIGTERM (and SIGPIPE), so unzip would hang on the full pipe.
                kill(process.processIdentifier, SIGKILL)
                break
            }
        }
        process.waitUntilExit()
        try? err.close()
        let message = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return (bytes, bytes.count > limit ? 0 : process.terminationStatus, String(message.prefix(300)))
    }
}
