import LotseDomain

extension PortfolioQuery.SortKey {
    public func title(_ s: Strings) -> String { s.sortKey(self) }
}

extension PortfolioQuery.LightFilter {
    public func title(_ s: Strings) -> String { s.lightFilter(self) }
}
