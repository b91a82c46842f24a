import ArgumentParser
import SnoeiImport

/// What every import reports before it writes: warnings, then — when anything is wrong —
/// every problem and a refusal (exit code 2), so nothing is written.
enum ImportProblems {
    static func check(warnings: [ImportProblem], errors: [ImportProblem], suppressed: Int, suppressedWarnings: Int = 0,
                      in what: String) throws {
        for warning in warnings { Terminal.note("warning: \(warning)") }
        if suppressedWarnings > 0 { Terminal.note("… and \(suppressedWarnings) more warnings.") }
        guard errors.isEmpty && suppressed == 0 else {
            for problem in errors { Terminal.note("error: \(problem)") }
            if suppressed > 0 { Terminal.note("… and \(suppressed) more problems (raise --max-errors to see them).") }
            let count = errors.count + suppressed
            throw Terminal.failure("\(count) problem\(count == 1 ? "" : "s") in \(what); nothing was imported.",
                                   code: ExitCodes.badInput)
        }
    }
}
