import Foundation

/// What `--timings` reports per phase: how long it took and the process's peak resident
/// memory (VmHWM) at its end, so a large run shows which phase sets the peak.
struct PhaseTimings {
    private(set) var phases: [(name: String, seconds: Double, peakKB: Int?)] = []
    private var clock = ContinuousClock.now
    let started = ContinuousClock.now

    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        phases.append((name, Self.seconds(now - clock), Self.peakKilobytes()))
        clock = now
    }

    var summary: String {
        let parts = phases.map { p in
            p.name + String(format: " %.2f s", p.seconds) + (p.peakKB.map { String(format: " (peak %.2f GB)", Double($0) / 1_048_576) } ?? "")
        }
        return "timings: " + parts.joined(separator: ", ") + String(format: "; total %.2f s", Self.seconds(ContinuousClock.now - started))
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// VmHWM from /proc/self/status; nil where there is no /proc (macOS).
    static func peakKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}
