/// The screens reachable from the tab bar, in the order of their number keys.
public enum Screen: Int, CaseIterable, Sendable {
    case overview = 1
    case portfolio = 2
    case assessment = 3
    case phaseModel = 4

    public func title(_ s: Strings) -> String {
        switch self {
        case .overview: s.overviewTitle
        case .portfolio: s.portfolioTitle
        case .assessment: s.assess.title
        case .phaseModel: s.assess.phaseModelTitle
        }
    }
}
