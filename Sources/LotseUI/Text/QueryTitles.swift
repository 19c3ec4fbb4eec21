import LotseDomain

extension PortfolioQuery.SortKey {
    public func title(_ s: Strings) -> String {
        let de = s.language == .german
        switch self {
        case .id: return "ID"
        case .light: return de ? "Ampel" : "light"
        case .fundingEnd: return de ? "Förderende" : "funding end"
        case .progress: return de ? "Fortschritt" : "progress"
        case .budgetUse: return de ? "Budgetausschöpfung" : "budget use"
        }
    }
}

extension PortfolioQuery.LightFilter {
    public func title(_ s: Strings) -> String {
        let de = s.language == .german
        switch self {
        case .all: return de ? "alle" : "all"
        case .redOnly: return de ? "nur rot" : "red only"
        case .yellowOrRed: return de ? "gelb und rot" : "yellow and red"
        case .reportMissing: return de ? "Bericht fehlt" : "report missing"
        }
    }
}
