import CNcursesw
import TermCanvas

/// The curses attributes and colour pair of every role, looked up once per cell.
struct RoleStyles {
    private var attributes: [attr_t]
    private var pairs: [Int16]

    /// Every role plain, on pair 0.
    init() {
        attributes = Array(repeating: lotse_a_normal(), count: Role.allCases.count)
        pairs = Array(repeating: 0, count: Role.allCases.count)
    }

    init(resolved: [Role: ResolvedStyle], pairs table: ColorPairTable) {
        self.init()
        for (index, role) in Role.allCases.enumerated() {
            attributes[index] = Self.cursesAttributes(resolved[role]?.attributes ?? [])
            pairs[index] = table.pair(for: role)
        }
    }

    func attributes(of role: Role) -> attr_t { attributes[Self.index(role)] }
    func pair(of role: Role) -> Int16 { pairs[Self.index(role)] }

    private static let roleIndex: [Role: Int] = Dictionary(
        uniqueKeysWithValues: Role.allCases.enumerated().map { ($1, $0) })

    private static func index(_ role: Role) -> Int { roleIndex[role] ?? 0 }

    private static func cursesAttributes(_ attributes: TextAttributes) -> attr_t {
        var result = lotse_a_normal()
        if attributes.contains(.bold) { result |= lotse_a_bold() }
        if attributes.contains(.underline) { result |= lotse_a_underline() }
        if attributes.contains(.reverse) { result |= lotse_a_reverse() }
        if attributes.contains(.dim) { result |= lotse_a_dim() }
        return result
    }
}
