import Foundation

/// Where a workshop places its municipality on one tension field of the questionnaire:
/// a point between the field's two poles and what was said about it. The facilitator
/// notes it; it is not scored and never changes the placement.
public struct TensionStance: Hashable, Sendable, Codable {
    /// The points between the poles: 1 = close to the first pole, 3 = in between,
    /// 5 = close to the second pole.
    public static let positions = 1...5

    /// nil while the group has not settled on a point.
    public var position: Int?
    public var note: String

    public init(position: Int? = nil, note: String = "") {
        self.position = position.map { min(Self.positions.upperBound, max(Self.positions.lowerBound, $0)) }
        self.note = note
    }

    /// Nothing settled and nothing said: stored as no row at all.
    public var isEmpty: Bool { position == nil && note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// The position moved by `delta` points; from no position, a step starts in the middle.
    public func moved(by delta: Int) -> TensionStance {
        let start = position ?? (Self.positions.lowerBound + Self.positions.upperBound) / 2
        let target = position == nil ? start : start + delta
        return TensionStance(position: target, note: note)
    }
}
