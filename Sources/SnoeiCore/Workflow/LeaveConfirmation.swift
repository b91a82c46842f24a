/// A respectful confirmation of a customer's own request to leave (seed 004: a dignified exit):
/// the date received, the end date, the final invoice, the data export and thanks. No obstacles:
/// whatever channel the request came by, it counts.
public struct LeaveConfirmation: Hashable, Sendable {
    public var text: String

    public init(customer: CustomerRecord, request: LeaveRequest, dates: LeaveDates, firmName: String?, language: Language) {
        let f = Formatter(language)
        func L(_ key: String, _ values: [String: String] = [:]) -> String { WorkflowText.fill(key, language, values) }
        var paragraphs = [L("leave.greeting", ["name": customer.name])]
        paragraphs.append(L("leave.received", ["request_date": f.date(request.date),
                                                "request_channel": WorkflowText.by(request.channel, language)]))
        var end = L("leave.end", ["end_date": f.date(dates.earliestEnd)])
        if dates.channelWaived, let required = dates.requiredChannel {
            end += " " + L("leave.channel_waived", ["required_channel": WorkflowText.cancelChannel(required, language)])
        }
        paragraphs.append(end)
        paragraphs.append(L("leave.final_invoice") + " " + L("leave.export"))
        if let since = customer.since {
            paragraphs.append(L("leave.thanks_since", ["since": String(since.components.year)]))
        } else {
            paragraphs.append(L("leave.thanks"))
        }
        let signature = firmName.map(DecisionMachine.trimmed).flatMap { $0.isEmpty ? nil : $0 } ?? L("leave.signature")
        paragraphs.append(L("leave.closing") + "\n" + signature)
        text = paragraphs.joined(separator: "\n\n") + "\n"
    }
}
