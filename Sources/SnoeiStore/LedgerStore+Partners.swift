import Foundation
public import SnoeiCore
import SQLKit

/// The firm's partner list: firms a leaving customer can be referred to. Specialities are
/// free words (they may hold commas), so they live in `partner_specialities`, in order.
extension LedgerStore {
    /// Adds the partner, or replaces the stored one with the same `partnerId` (specialities too).
    public func savePartner(_ partner: PartnerRecord) async throws {
        try await workflowWrite { tx in
            try await tx.insert(into: "partners")
                .columns("partner_id", "name", "contact", "note")
                .values(SQLBind(partner.partnerId), SQLBind(partner.name), Self.optional(partner.contact),
                        Self.optional(partner.note))
                .onConflict(with: ["partner_id"]) {
                    $0.set(excludedValueOf: "name").set(excludedValueOf: "contact").set(excludedValueOf: "note")
                }
                .run()
            try await tx.delete(from: "partner_specialities").where("partner_id", .equal, SQLBind(partner.partnerId))
                .run()
            guard !partner.specialities.isEmpty else { return }
            let insert = tx.insert(into: "partner_specialities").columns("partner_id", "position", "speciality")
            for (position, speciality) in partner.specialities.enumerated() {
                insert.values(SQLBind(partner.partnerId), SQLBind(Int64(position)), SQLBind(speciality))
            }
            try await insert.run()
        }
    }

    /// Removes the partner and its specialities; `false` when there was no such partner.
    /// Exits that referred a customer to it keep the partner id.
    @discardableResult
    public func removePartner(id: String) async throws -> Bool {
        try await workflowWrite { tx in
            let found = try await tx.select().column("partner_id").from("partners")
                .where("partner_id", .equal, SQLBind(id)).all()
            try await tx.delete(from: "partner_specialities").where("partner_id", .equal, SQLBind(id)).run()
            try await tx.delete(from: "partners").where("partner_id", .equal, SQLBind(id)).run()
            return !found.isEmpty
        }
    }

    /// Every partner, by name (case-insensitive, then by id, the same on every database).
    public func partners() async throws -> [PartnerRecord] {
        var specialities: [String: [String]] = [:]
        for row in try await db.select().column("*").from("partner_specialities")
            .orderBy("partner_id").orderBy("position").all()
        {
            let r = RowReader(row: row, table: "partner_specialities")
            specialities[try r.text("partner_id"), default: []].append(try r.text("speciality"))
        }
        let partners = try await db.select().column("*").from("partners").all().map { row in
            let r = RowReader(row: row, table: "partners")
            let id = try r.text("partner_id")
            return PartnerRecord(
                partnerId: id, name: try r.text("name"), specialities: specialities[id] ?? [],
                contact: try r.optionalText("contact"), note: try r.optionalText("note"))
        }
        return partners.sorted {
            switch $0.name.caseInsensitiveCompare($1.name) {
            case .orderedAscending: true
            case .orderedDescending: false
            case .orderedSame: $0.partnerId < $1.partnerId
            }
        }
    }
}
