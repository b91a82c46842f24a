import Foundation
import SnoeiImport

/// What `snoei import PATH…` was given: a canonical ledger folder, or exports to map.
enum ImportInput {
    case canonical(URL)
    case exports([ExportSource])

    /// File extensions read from a folder of exports.
    static let exportExtensions: Set<String> = ["csv", "txt", "tsv"]

    static func resolve(_ command: ImportCommand) throws -> ImportInput {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        for path in command.paths where !fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            throw Terminal.failure("\(path) does not exist.", code: ExitCodes.notFound)
        }
        let exportOptions = command.kind != nil || command.profile != nil || command.mapping != nil || command.encoding != nil
            || command.separator != nil || command.dateFormat != nil || command.decimal != nil || command.quote != nil
        if command.paths.count == 1, fm.fileExists(atPath: command.paths[0], isDirectory: &isDirectory), isDirectory.boolValue,
           !exportOptions {
            let entries = (try? fm.contentsOfDirectory(atPath: command.paths[0])) ?? []
            // Any canonical file name makes it a ledger folder, so its rules (customers.csv
            // required, unknown columns refused) apply and a typo is reported, not guessed at.
            if entries.contains(where: CanonicalLedgerReader.fileNames.contains) || !entries.contains(where: isExport) {
                return .canonical(URL(fileURLWithPath: command.paths[0], isDirectory: true))
            }
        }
        var files: [URL] = []
        for path in command.paths {
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)  // existence checked above
            if isDirectory.boolValue {
                let entries = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter(isExport).sorted()
                files += entries.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
            } else {
                files.append(URL(fileURLWithPath: path))
            }
        }
        guard !files.isEmpty else {
            throw Terminal.failure("No CSV files in \(command.paths.joined(separator: ", ")).", code: ExitCodes.notFound)
        }
        let mapping = try loadMapping(command)
        let overrides = try overrides(command)
        if files.count > 1, command.kind != nil || mapping != nil {
            throw Terminal.failure("--kind, --profile and --mapping describe one export; give one file with them, or import the files one by one.",
                                   code: ExitCodes.badInput)
        }
        return .exports(files.map { ExportSource(url: $0, kind: command.kind, mapping: mapping, overrides: overrides) })
    }

    static func isExport(_ name: String) -> Bool {
        !name.hasPrefix(".") && exportExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    static func loadMapping(_ command: ImportCommand) throws -> ExportMapping? {
        if let file = command.mapping {
            if command.profile != nil {
                throw Terminal.failure("Give --profile or --mapping, not both (a mapping file can start from a profile: profile = \"…\").",
                                       code: ExitCodes.badInput)
            }
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw Terminal.failure("\(file): cannot be read as a UTF-8 text file.", code: ExitCodes.notFound)
            }
            do { return try MappingFile.parse(text, name: file) } catch {
                throw Terminal.failure(error.description, code: ExitCodes.badInput)
            }
        }
        if let name = command.profile {
            guard let profile = ExportProfiles.named(name) else {
                throw Terminal.failure("Unknown profile \"\(name)\"; known: \(ExportProfiles.all.map(\.name).joined(separator: ", ")).",
                                       code: ExitCodes.badInput)
            }
            return profile
        }
        return nil
    }

    static func overrides(_ command: ImportCommand) throws -> DialectOverrides {
        do {
            return DialectOverrides(
                encoding: try command.encoding.map { name throws(DialectError) in try DialectOverrides.encoding(named: name) },
                separator: try command.separator.map { name throws(DialectError) in try DialectOverrides.separator(named: name) },
                decimal: try command.decimal.map { name throws(DialectError) in try DialectOverrides.decimal(named: name) },
                dateFormat: try command.dateFormat.map { name throws(DialectError) in try DialectOverrides.dateFormat(named: name) },
                quoting: try command.quote.map { name throws(DialectError) in try DialectOverrides.quoting(named: name) })
        } catch {
            throw Terminal.failure("--\(error.description)", code: ExitCodes.badInput)
        }
    }
}
