public import Foundation

/// One file to import, read whole (after its size was checked against the limit).
public struct SourceFile: Sendable {
    /// As shown in messages: the path given, or `archive.zip:entry.xml`.
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
}

/// Bounds on what one e-invoice or bank-statement import reads, so a huge or hostile input is refused with a message
/// instead of exhausting memory.
public struct ElectronicImportLimits: Sendable {
    public var maxFileBytes = 64 * 1024 * 1024
    public var maxFiles = 10_000
    public var maxTotalBytes = 512 * 1024 * 1024
    /// Statement entries (CAMT) and statement lines (MT940) over the whole import.
    public var maxEntries = 1_000_000
    public var maxInvoices = 1_000_000

    public init() {}
}

public enum ImportSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    case missing(String)
    case tooLarge(String, bytes: Int, limit: Int)
    case tooManyFiles(String, count: Int, limit: Int)
    case unreadable(String, reason: String)
    case zip(String, reason: String)
    case nothingToImport(String)

    public var description: String {
        switch self {
        case .missing(let p): "\(p): no such file or folder"
        case .tooLarge(let p, let bytes, let limit): "\(p): \(bytes) bytes is more than the limit of \(limit) bytes per import file; split it"
        case .tooManyFiles(let p, let count, let limit): "\(p): \(count) files is more than the limit of \(limit) per import"
        case .unreadable(let p, let reason): "\(p): cannot be read (\(reason))"
        case .zip(let p, let reason): "\(p): \(reason)"
        case .nothingToImport(let p): "\(p): holds no .xml, .sta, .940, .mt940 or .txt file"
        }
    }
}

/// Finds the files behind a path: the file itself, the importable files of a folder (not its
/// sub-folders), or the entries of a zip archive.
public enum ImportSources {
    static let extensions: Set<String> = ["xml", "sta", "940", "mt940", "txt", "swi"]

    public static func collect(_ url: URL, limits: ElectronicImportLimits = .init()) throws -> (files: [SourceFile], skipped: [String]) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else { throw ImportSourceError.missing(url.path) }
        if !isDir.boolValue {
            if url.pathExtension.lowercased() == "zip" || isZip(url) { return try ZipArchive.entries(url, limits: limits) }
            return ([try read(url, name: url.relativePath, limits: limits)], [])
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted() } catch {
            throw ImportSourceError.unreadable(url.path, reason: error.localizedDescription)
        }
        var files: [SourceFile] = [], skipped: [String] = [], total = 0
        for name in names {
            let file = url.appendingPathComponent(name)
            var sub: ObjCBool = false
            _ = fm.fileExists(atPath: file.path, isDirectory: &sub)
            guard !sub.boolValue, extensions.contains(file.pathExtension.lowercased()) else { skipped.append(name); continue }
            guard files.count < limits.maxFiles else { throw ImportSourceError.tooManyFiles(url.path, count: names.count, limit: limits.maxFiles) }
            // Messages name files as the user typed the folder, not as absolute paths.
            let source = try read(file, name: (url.relativePath as NSString).appendingPathComponent(name), limits: limits)
            total += source.bytes.count
            guard total <= limits.maxTotalBytes else { throw ImportSourceError.tooLarge(url.path, bytes: total, limit: limits.maxTotalBytes) }
            files.append(source)
        }
        guard !files.isEmpty else { throw ImportSourceError.nothingToImport(url.path) }
        return (files, skipped)
    }

    static func read(_ url: URL, name: String, limits: ElectronicImportLimits) throws -> SourceFile {
        let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.maxFileBytes else { throw ImportSourceError.tooLarge(name, bytes: size, limit: limits.maxFileBytes) }
        do { return SourceFile(name: name, bytes: [UInt8](try Data(contentsOf: url))) } catch {
            throw ImportSourceError.unreadable(name, reason: error.localizedDescription)
        }
    }

    /// A zip starts with a local file header, `PK\u{3}\u{4}` (or `PK\u{5}\u{6}` when empty).
    static func isZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head.count == 4 && head[head.startIndex] == 0x50 && head[head.startIndex + 1] == 0x4B
            && (head[head.startIndex + 2] == 3 || head[head.startIndex + 2] == 5)
    }
}
