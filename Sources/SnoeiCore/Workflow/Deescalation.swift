/// A de-escalating response to an incident (seed 003): "never show the behaviour you condemn".
/// Stay calm, ask why the customer thinks it is reasonable, restate the agreement, humour where
/// it fits (never for intimidation or abuse of staff); red lines go straight to a decision.
public enum Deescalation {
    /// Concrete response steps for an incident: stay calm, the kind's own steps, then log it.
    /// Humour is left out from severity 4 up; a red line under `policy` starts with the line that
    /// it goes straight to a decision.
    public static func suggestion(for kind: IncidentKind, severity: Int, language: Language,
                                  policy: Policy = .standard) -> [String] {
        var steps = WorkflowText.lines("deescalation.\(kind.rawValue)", language)
        if steps.isEmpty { steps = WorkflowText.lines("deescalation.other", language) }
        if kind == .coercion, severity >= 4 {
            let humour = WorkflowText.fill("deescalation.coercion.4", language)
            steps.removeAll { $0 == humour }
        }
        let common = WorkflowText.lines("deescalation.common", language)
        steps = Array(common.prefix(1)) + steps + common.dropFirst()
        if isRedLine(kind: kind, severity: severity, policy: policy) {
            steps.insert(WorkflowText.text("deescalation.red_line", language), at: 0)
        }
        return steps
    }

    /// The same rule as the verdict (`RedLines.crossed`, used by `FigureCalculator`).
    public static func isRedLine(kind: IncidentKind, severity: Int, policy: Policy) -> Bool {
        policy.redLines.crossed(kind: kind, severity: severity)
    }
}
