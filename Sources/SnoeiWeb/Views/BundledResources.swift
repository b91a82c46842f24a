import Foundation

/// Finds a folder of the bundled `Resources`. Foundation's `resourceURL` differs between
/// platforms (on Linux it already ends in `Resources`), so the candidates are tried in turn.
enum BundledResources {
    static func folder(_ name: String) -> URL? {
        let bundle = Bundle.module
        let candidates = [
            bundle.bundleURL.appendingPathComponent("Resources/\(name)"),
            bundle.resourceURL?.appendingPathComponent(name),
            bundle.resourceURL?.appendingPathComponent("Resources/\(name)"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
