import Foundation
import LotseDomain
import LotseStore
import PostgresNIO

/// The screens' questions, answered by the server in one REPEATABLE READ transaction each.
extension PostgresStore: PortfolioReader {
    public func answer(_ request: ScreenDataRequest) throws -> ScreenData { throw notYet("answer") }
    public func redStreaks(month: YearMonth) throws -> [RedStreak] { throw notYet("redStreaks") }
    /// Moves with every change another client commits (notifications on the change channel).
    public func changeToken() throws -> ChangeToken { ChangeToken(session.notifications) }
}
