/// Where to put a short label next to a marked point so it neither leaves the
/// plot nor sits on top of a line. Tries a few spots around the point in order
/// of preference and takes the first that is clear.
enum LabelPlacement {
    struct Spot: Equatable {
        var x: Double
        var y: Double
        var anchor: String
    }

    /// Text may rise this far above the plot into the gap under the header.
    static let headroom = 10.0

    static func near(x px: Double, y py: Double, width: Double, plot: Rect,
                     avoiding lines: [[(x: Double, y: Double)]], and boxes: [Rect] = []) -> Spot {
        let candidates = [
            Spot(x: px, y: py - 12, anchor: "middle"),
            Spot(x: px + 10, y: py - 8, anchor: "start"),
            Spot(x: px - 10, y: py - 8, anchor: "end"),
            Spot(x: px + 10, y: py + 16, anchor: "start"),
            Spot(x: px - 10, y: py + 16, anchor: "end"),
            Spot(x: px, y: py + 22, anchor: "middle"),
        ]
        let inside = candidates.filter { fits(box($0, width: width), in: plot) }
        func clearOfText(_ spot: Spot) -> Bool { !boxes.contains { overlaps(box(spot, width: width), $0) } }
        func clearOfLines(_ spot: Spot) -> Bool { !lines.contains { crosses(box(spot, width: width), $0) } }
        // Text on text is unreadable; text on a line is merely busy (the halo
        // keeps it legible), so other labels are avoided first.
        if let spot = inside.first(where: { clearOfText($0) && clearOfLines($0) }) { return spot }
        if let spot = inside.first(where: clearOfText) { return spot }
        if let first = inside.first { return first }
        // Nothing fits (a very long label): centre it above, clamped to the plot.
        let x = min(max(px, plot.left + width / 2), plot.right - width / 2)
        return Spot(x: x, y: max(py - 12, plot.top + 12), anchor: "middle")
    }

    /// The text's bounding box for a 12 px font: ~10 px above the baseline, 3 below.
    static func box(_ spot: Spot, width: Double) -> Rect {
        let left = switch spot.anchor {
        case "start": spot.x
        case "end": spot.x - width
        default: spot.x - width / 2
        }
        return Rect(left: left, top: spot.y - 10, right: left + width, bottom: spot.y + 3)
    }

    static func overlaps(_ a: Rect, _ b: Rect) -> Bool {
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    }

    static func fits(_ r: Rect, in plot: Rect) -> Bool {
        r.left >= plot.left && r.right <= plot.right && r.top >= plot.top - headroom && r.bottom <= plot.bottom - 2
    }

    /// Whether any segment of the polyline passes through the rectangle.
    static func crosses(_ r: Rect, _ line: [(x: Double, y: Double)]) -> Bool {
        if line.count == 1 { return contains(r, line[0]) }
        for (a, b) in zip(line, line.dropFirst()) where segment(a, b, intersects: r) {
            return true
        }
        return false
    }

    static func contains(_ r: Rect, _ p: (x: Double, y: Double)) -> Bool {
        p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom
    }

    /// Liang–Barsky clipping: does segment a→b enter the rectangle?
    static func segment(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), intersects r: Rect) -> Bool {
        // Cheap reject on bounding boxes first; most segments are far away.
        if max(a.x, b.x) < r.left || min(a.x, b.x) > r.right || max(a.y, b.y) < r.top || min(a.y, b.y) > r.bottom {
            return false
        }
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - r.left), (dx, r.right - a.x), (-dy, a.y - r.top), (dy, r.bottom - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return true
    }
}
